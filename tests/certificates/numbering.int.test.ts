import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/china-day";
import type { Database } from "@/server/db/open";
import { appointmentItems, certificates, results, sequences } from "@/server/db/schema";
import { issueDocuments } from "@/server/services/certificates/issue";
import { auditCount } from "../accounts/helpers";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures } from "../helpers/fixtures";

/**
 * R-RES-2 number templates per institution, and numbers that stay unique when documents are issued in
 * parallel transactions (meaningful on PostgreSQL: run with DATABASE_URL, as CI does; PGlite has one
 * connection and serialises them).
 */
let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
}, 120_000);
afterAll(() => database?.close());

/** `n` passed results of the hospital's ledger instruments with the city institute, without documents. */
async function freshResults(n: number, verdict: "pass" | "fail" = "pass") {
  const serials = Object.keys(fx.instrument).filter((k) => k.startsWith("hospitalEnterprise:TZ-TWJ-")).sort();
  const used = (await database.db.select({ instrumentId: results.instrumentId }).from(results)).map((r) => r.instrumentId);
  const instrumentIds = serials.map((k) => fx.instrument[k]!).filter((id) => !used.includes(id)).slice(0, n);
  expect(instrumentIds.length).toBe(n);
  const appointmentId = fx.appointment["YY-0105"]!;
  const items = await database.db
    .insert(appointmentItems)
    .values(instrumentIds.map((instrumentId) => ({ appointmentId, instrumentId, enterpriseId: fx.org.hospitalEnterprise!, state: "done" as const })))
    .returning({ id: appointmentItems.id, instrumentId: appointmentItems.instrumentId });
  const day = chinaToday();
  const rows = await database.db
    .insert(results)
    .values(
      items.map((i) => ({
        appointmentItemId: i.id, appointmentId, instrumentId: i.instrumentId, enterpriseId: fx.org.hospitalEnterprise!, institutionId: fx.org.gzInstitute!,
        verdict, verifiedOn: day, validUntil: verdict === "pass" ? "2099-12-31" : null, verifier: "并发甲", checker: "并发乙", approver: "并发丙",
      })),
    )
    .returning({ id: results.id });
  return rows.map((r) => r.id);
}

const actor = () => ({ userId: fx.user.gzjly!, orgId: fx.org.gzInstitute!, ip: null });

describe("R-RES-2 concurrent issuing never duplicates a number", () => {
  it("R-RES-2 15 parallel transactions issuing one certificate each get 15 distinct, consecutive numbers", async () => {
    const ids = await freshResults(15);
    const day = chinaToday();
    const issued = await Promise.all(ids.map((id) => database.db.transaction((tx) => issueDocuments(tx, actor(), [id], day))));
    const numbers = issued.map((d) => d[0]!.number);
    expect(new Set(numbers).size).toBe(15);
    const seqs = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(14);
    const rows = await database.db.select({ number: certificates.number }).from(certificates).where(inArray(certificates.resultId, ids));
    expect(rows.map((r) => r.number).sort()).toEqual([...numbers].sort());
  });
});

describe("R-RES-2 per-institution number templates", () => {
  it("R-RES-2 defaults with a live example of the next number; an edited template is used by the next document (audited)", async () => {
    const gz = await callerAs(database.db, "gzjly");
    const t = await gz.certificates.templates();
    expect(t.certificate).toBe("{code}{YYYY}{seq6}");
    const year = chinaToday().slice(0, 4);
    expect(t.examples.certificate).toMatch(new RegExp(`^[A-Z0-9]+${year}\\d{6}$`));
    expect((await gz.certificates.previewTemplate({ kind: "certificate", template: "{code}-{YYYY}{MM}-{seq5}" })).example).toMatch(new RegExp(`-${year}\\d{2}-\\d{5}$`));
    const saved = await gz.certificates.saveTemplates({ certificate: "{code}-{YYYY}{MM}-{seq5}", failNotice: "{code}T{YYYY}{seq6}" });
    expect(saved.certificate).toBe("{code}-{YYYY}{MM}-{seq5}");
    expect(await auditCount(database.db, "organisation.number_templates", fx.org.gzInstitute!)).toBe(1);
    const [id] = await freshResults(1);
    const [d] = await database.db.transaction((tx) => issueDocuments(tx, actor(), [id!], chinaToday()));
    expect(d!.number).toBe(saved.examples.certificate);
  });

  it("R-RES-2 a template without the year or sequence, with odd characters, or too few sequence digits is refused; nothing is saved", async () => {
    const gz = await callerAs(database.db, "gzjly");
    const before = await gz.certificates.templates();
    for (const bad of ["{code}{seq6}", "{code}{YYYY}", "证{YYYY}{seq6}", "{code}{YYYY}{seq3}{seq3}"]) {
      await expect(gz.certificates.saveTemplates({ certificate: bad, failNotice: before.failNotice }), bad).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await gz.certificates.templates()).toEqual(before);
  });

  it("R-RES-2 the template must leave room for this year's next sequence number", async () => {
    const gz = await callerAs(database.db, "gzjly");
    const { example } = await gz.certificates.previewTemplate({ kind: "certificate", template: "{code}{YYYY}{seq3}" });
    expect(example).toMatch(/\d{3}$/);
    // This year's counter at 999: the next number is 1000, which {seq3} cannot hold.
    await database.db.update(sequences).set({ n: 999 }).where(and(eq(sequences.kind, "certificate"), eq(sequences.scopeKey, String(fx.org.gzInstitute))));
    await expect(gz.certificates.previewTemplate({ kind: "certificate", template: "{code}{YYYY}{seq3}" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(gz.certificates.saveTemplates({ certificate: "{code}{YYYY}{seq3}", failNotice: "{code}T{YYYY}{seq6}" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await gz.certificates.templates()).certificate).not.toBe("{code}{YYYY}{seq3}");
  });
});
