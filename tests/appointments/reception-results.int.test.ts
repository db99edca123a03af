import { and, eq, inArray, sql } from "drizzle-orm";
import { newLabelToken } from "@/server/services/public/label-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday } from "@/lib/china-day";
import type { Database, DB } from "@/server/db/open";
import { appointmentItems, appointments, auditLog, certificates, filings, instruments, results } from "@/server/db/schema";
import { seedAppointmentChain } from "@/server/seed/appointment-chain";
import { callerAs, type Fixtures, loadFixtures, outcome, seedForeign } from "../helpers/fixtures";
import { openTestDb } from "../helpers/db";

let database: Database;
let db: DB;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  db = database.db;
  fx = await loadFixtures(db);
  fx.foreign = await seedForeign(db, fx);
}, 120_000);
afterAll(() => database?.close());

const numberOf = async (appointmentId: number) => (await db.select({ n: appointments.number }).from(appointments).where(eq(appointments.id, appointmentId)))[0]!.n!;
const stateOf = async (appointmentId: number) => (await db.select({ s: appointments.state }).from(appointments).where(eq(appointments.id, appointmentId)))[0]!.s;
const today = chinaToday();
const row = (itemId: number, extra: Record<string, unknown> = {}) => ({ itemId, verdict: "pass" as const, verifiedOn: today, verifier: "李检定", checker: "王核验", approver: "陈批准", ...extra });

/** `n` copies of a demo instrument of the station (on-site, Baiyun), in one appointment in `state` with byjls. */
let copies = 0;
async function stationAppointment(n: number, state: "confirmed" | "received") {
  const [template] = await db.select().from(instruments).where(eq(instruments.id, fx.instrument["YY-0004"]!));
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = template!;
  const batch = copies++;
  const made = await db
    .insert(instruments)
    .values(Array.from({ length: n }, (_, i) => ({ ...rest, serialNo: `BATCH-${batch}-${i}`, serialNorm: `batch-${batch}-${i}`, flowStatus: null, certificateNo: null, validUntil: null, instrumentCode: null, labelToken: newLabelToken() })))
    .returning({ id: instruments.id });
  return db.transaction((tx) =>
    seedAppointmentChain(tx, { enterpriseId: fx.org.stationEnterprise!, institutionId: fx.org.byInstitute!, method: "on_site", instrumentIds: made.map((m) => m.id), state, day: addDays(today, -1) }),
  );
}

describe("reception (issue 10 item 5, R-APT-6)", () => {
  it("R-APT-6 reception by typed number: own confirmed appointment found with its instruments, received → 已接收, timeline and audit", async () => {
    const byjls = await callerAs(db, "byjls");
    const apt = fx.appointment["YY-0004"]!;
    const number = await numberOf(apt);
    const found = await byjls.reception.find({ number: ` ${number.toLowerCase()} ` });
    expect(found.id).toBe(apt);
    expect(found.items.map((i) => i.serialNo).sort()).toEqual(["YY-0004", "YY-0005"]);
    // A scanned QR may carry a link around the number.
    expect((await byjls.reception.find({ number: `https://example.test/a?n=${number}` })).id).toBe(apt);

    const r = await byjls.reception.receive({ appointmentId: apt, itemIds: [fx.appointmentItem["YY-0004"]!] });
    expect(r).toEqual({ received: 1, state: "received" });
    const [a] = await db.select().from(appointments).where(eq(appointments.id, apt));
    expect(a!.state).toBe("received");
    expect(a!.receivedAt).not.toBeNull();
    expect(a!.history.at(-1)).toMatchObject({ action: "received", state: "received", instrumentIds: [fx.instrument["YY-0004"]] });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "appointment.receive"), eq(auditLog.entityId, String(apt))));
    expect(audits).toHaveLength(1);
    // Receiving the same instrument again: the item already moved on.
    expect(await outcome(() => byjls.reception.receive({ appointmentId: apt, itemIds: [fx.appointmentItem["YY-0004"]!] }))).toBe("CONFLICT");
  });

  it("R-SCOPE-4 another institution's number, a foreign one and an unknown one are NOT_FOUND; nothing changes", async () => {
    const gzjly = await callerAs(db, "gzjly");
    const stationNumber = await numberOf(fx.appointment["YY-0005"]!);
    expect(await outcome(() => gzjly.reception.find({ number: stationNumber }))).toBe("NOT_FOUND");
    const foreignNumber = await numberOf(fx.foreign!.appointment.received);
    expect(await outcome(() => gzjly.reception.find({ number: foreignNumber }))).toBe("NOT_FOUND");
    expect(await outcome(() => gzjly.reception.find({ number: "S20990101999999" }))).toBe("NOT_FOUND");
    expect(await outcome(() => gzjly.reception.receive({ appointmentId: fx.appointment["YY-0005"]!, itemIds: [fx.appointmentItem["YY-0005"]!] }))).toBe("NOT_FOUND");
    expect(await outcome(() => gzjly.reception.returnItems({ appointmentId: fx.foreign!.appointment.confirmed, itemIds: [fx.foreign!.appointmentItem.booked], reason: "x" }))).toBe("NOT_FOUND");
    // An item of another appointment named with one's own appointment id is NOT_FOUND too.
    expect(await outcome(() => gzjly.reception.receive({ appointmentId: fx.appointment["YY-0101"]!, itemIds: [fx.appointmentItem["YY-0005"]!] }))).toBe("NOT_FOUND");
    const [item] = await db.select({ s: appointmentItems.state }).from(appointmentItems).where(eq(appointmentItems.id, fx.appointmentItem["YY-0005"]!));
    expect(item!.s).toBe("booked");
  });

  it("R-APT-6 an own appointment not yet confirmed says why it cannot be received", async () => {
    const byjls = await callerAs(db, "byjls");
    await expect(byjls.reception.find({ number: await numberOf(fx.appointment["YY-0001"]!) })).rejects.toThrow("该预约单已提交，不能办理接收");
    expect(await outcome(() => byjls.reception.receive({ appointmentId: fx.appointment["YY-0001"]!, itemIds: [fx.appointmentItem["YY-0001"]!] }))).toBe("CONFLICT");
  });

  it("R-APT-6 R-FIL-6 退单 with a reason revokes the filing: the instrument is in the enterprise's 被退回 list", async () => {
    const gzjly = await callerAs(db, "gzjly");
    const apt = fx.appointment["YY-0101"]!;
    const instrumentId = fx.instrument["YY-0101"]!;
    expect(await outcome(() => gzjly.reception.returnItems({ appointmentId: apt, itemIds: [fx.appointmentItem["YY-0101"]!], reason: "  " }))).toBe("BAD_REQUEST");
    const r = await gzjly.reception.returnItems({ appointmentId: apt, itemIds: [fx.appointmentItem["YY-0101"]!], reason: "铭牌缺失，无法核对出厂编号" });
    expect(r.returned).toBe(1);
    const [i] = await db.select().from(instruments).where(eq(instruments.id, instrumentId));
    expect(i).toMatchObject({ filingStatus: "returned", flowStatus: null, institutionId: null });
    const fs = await db.select().from(filings).where(eq(filings.instrumentId, instrumentId));
    const revoked = fs.find((f) => f.state === "returned" && f.returnText?.includes("铭牌缺失"));
    expect(revoked).toBeDefined();
    expect(revoked!.history.at(-1)).toMatchObject({ action: "return", reason: "other" });
    const [item] = await db.select().from(appointmentItems).where(eq(appointmentItems.id, fx.appointmentItem["YY-0101"]!));
    expect(item).toMatchObject({ state: "returned", reason: "铭牌缺失，无法核对出厂编号" });
    const mine = await (await callerAs(db, "yyqy")).filing.mine({ tab: "returned", limit: 200 });
    expect(mine.items.map((x) => x.instrumentId)).toContain(instrumentId);
    // The other instrument is still booked: the appointment stays open.
    expect(await stateOf(apt)).toBe("confirmed");
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "filing.return"), eq(auditLog.entityId, String(revoked!.id))))).toHaveLength(1);
  });
});

describe("results (issue 10 item 6, R-RES-1, R-RES-5)", () => {
  it("R-RES-1 a result for an instrument not received, or a second one, is refused", async () => {
    const gzjly = await callerAs(db, "gzjly");
    await expect(gzjly.results.record({ appointmentId: fx.appointment["YY-0102"]!, rows: [row(fx.appointmentItem["YY-0102"]!)] })).rejects.toThrow("该器具尚未接收");
    const done = fx.appointment["YY-0105"]!;
    await expect(gzjly.results.record({ appointmentId: done, rows: [row(fx.appointmentItem["YY-0105"]!)] })).rejects.toThrow("该器具已有检定结果");
    const byjls = await callerAs(db, "byjls");
    expect(await outcome(() => byjls.results.record({ appointmentId: done, rows: [row(fx.appointmentItem["YY-0105"]!)] }))).toBe("NOT_FOUND");
  });

  it("R-RES-1 validUntil before the verification date is refused; the default follows the kind's period and can be edited", async () => {
    const chain = await stationAppointment(2, "received");
    const byjls = await callerAs(db, "byjls");
    await expect(byjls.results.record({ appointmentId: chain.appointmentId, rows: [row(chain.itemIds[0]!, { validUntil: addDays(today, -1) })] })).rejects.toThrow("有效期至不能早于检定日期");
    expect(await db.select().from(results).where(eq(results.appointmentId, chain.appointmentId))).toHaveLength(0);
    const sheet = await byjls.results.sheet({ appointmentId: chain.appointmentId });
    const expected = sheet.items[0]!.defaultValidUntil;
    expect(expected).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await byjls.results.record({ appointmentId: chain.appointmentId, rows: [row(chain.itemIds[0]!), row(chain.itemIds[1]!, { validUntil: addDays(today, 30) })] });
    const rs = await db.select().from(results).where(eq(results.appointmentId, chain.appointmentId)).orderBy(results.id);
    expect(rs.map((r) => r.validUntil)).toEqual([expected, addDays(today, 30)]);
    await expect(byjls.results.record({ appointmentId: chain.appointmentId, rows: [row(chain.itemIds[0]!)] })).rejects.toThrow("已有检定结果");
  });

  it("R-RES-5 R-BKT-5 pass and fail: documents issued, instruments updated, the appointment completes when every item is settled", async () => {
    const gzjly = await callerAs(db, "gzjly");
    const apt = fx.appointment["YY-0103"]!;
    const r1 = await gzjly.results.record({ appointmentId: apt, rows: [row(fx.appointmentItem["YY-0103"]!, { feeCents: 8000, feeNote: "维修费" })] });
    expect(r1.state).toBe("received");
    expect(r1.documents[0]!.kind).toBe("certificate");
    const r2 = await gzjly.results.record({ appointmentId: apt, rows: [row(fx.appointmentItem["YY-0104"]!, { verdict: "fail", conclusion: "示值误差超差" })] });
    expect(r2.state).toBe("completed");
    expect(r2.documents[0]!.kind).toBe("fail_notice");
    const [a] = await db.select().from(appointments).where(eq(appointments.id, apt));
    expect(a!.completedAt).not.toBeNull();
    expect(a!.history.at(-1)).toMatchObject({ action: "completed", state: "completed" });
    const ins = await db.select().from(instruments).where(inArray(instruments.id, [fx.instrument["YY-0103"]!, fx.instrument["YY-0104"]!])).orderBy(instruments.serialNo);
    expect(ins[0]).toMatchObject({ certificateNo: r1.documents[0]!.number, flowStatus: null, failedSince: null });
    expect(ins[1]!.failedSince).toBe(today);
    expect(ins[1]!.flowStatus).toBeNull();
    const [res] = await db.select().from(results).where(eq(results.appointmentItemId, fx.appointmentItem["YY-0103"]!));
    expect(res).toMatchObject({ feeCents: 8000, feeNote: "维修费", feePaidAt: null });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "appointment.complete"), eq(auditLog.entityId, String(apt))))).toHaveLength(1);
  });

  it("issue 10 item 6 batch entry: 300 results in one call, one transaction, 300 documents with distinct numbers", async () => {
    const chain = await stationAppointment(300, "received");
    const byjls = await callerAs(db, "byjls");
    const rows = chain.itemIds.map((id, i) => row(id, { verdict: i % 50 === 7 ? "fail" : "pass" }));
    // One bad row refuses the whole batch: nothing half-written.
    const bad = rows.map((r, i) => (i === 299 ? { ...r, validUntil: addDays(today, -3) } : r));
    expect(await outcome(() => byjls.results.record({ appointmentId: chain.appointmentId, rows: bad }))).toBe("BAD_REQUEST");
    expect(await db.select().from(results).where(eq(results.appointmentId, chain.appointmentId))).toHaveLength(0);
    const r = await byjls.results.record({ appointmentId: chain.appointmentId, rows });
    expect(r.recorded).toBe(300);
    expect(r.state).toBe("completed");
    const docs = await db.select({ number: certificates.number, kind: certificates.kind }).from(certificates).where(eq(certificates.appointmentId, chain.appointmentId));
    expect(docs).toHaveLength(300);
    expect(new Set(docs.map((d) => d.number)).size).toBe(300);
    expect(docs.filter((d) => d.kind === "fail_notice")).toHaveLength(6);
    const [a] = await db.select().from(appointments).where(eq(appointments.id, chain.appointmentId));
    expect(a!.instrumentCount).toBe(0);
  }, 60_000);

  it("R-RES-2 concurrent recording never gives an item two results or documents, nor duplicates a number (parallel calls)", async () => {
    const chain = await stationAppointment(12, "received");
    const other = await stationAppointment(12, "received");
    const callers = await Promise.all(Array.from({ length: 6 }, () => callerAs(db, "byjls")));
    // Six calls race: three on the same items of one appointment, three on another appointment.
    const outcomes = await Promise.all(
      callers.map((c, i) => {
        const target = i % 2 === 0 ? chain : other;
        return outcome(() => c.results.record({ appointmentId: target.appointmentId, rows: target.itemIds.map((id) => row(id)) }));
      }),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(2);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(4);
    const docs = await db.select({ number: certificates.number, resultId: certificates.resultId }).from(certificates).where(inArray(certificates.appointmentId, [chain.appointmentId, other.appointmentId]));
    expect(docs).toHaveLength(24);
    expect(new Set(docs.map((d) => d.resultId)).size).toBe(24);
    const dup = await db.select({ n: sql<number>`count(*)::int` }).from(certificates).where(sql`${certificates.number} in (select number from certificates group by number having count(*) > 1)`);
    expect(Number(dup[0]!.n)).toBe(0);
  }, 60_000);

  it("issue 10 item 6 the result list: awaiting and recorded, filtered by verdict and number, own institution only", async () => {
    const byjls = await callerAs(db, "byjls");
    const chain = await stationAppointment(3, "received");
    const number = await numberOf(chain.appointmentId);
    const awaiting = await byjls.results.list({ tab: "awaiting", number, limit: 50 });
    expect(awaiting.items.map((i) => i.id).sort()).toEqual([...chain.itemIds].sort());
    await byjls.results.record({ appointmentId: chain.appointmentId, rows: chain.itemIds.map((id, i) => row(id, { verdict: i === 0 ? "fail" : "pass" })) });
    expect((await byjls.results.list({ tab: "awaiting", number, limit: 50 })).items).toHaveLength(0);
    const failed = await byjls.results.list({ tab: "recorded", number, verdict: "fail", limit: 50 });
    expect(failed.items).toHaveLength(1);
    expect(failed.tab === "recorded" && failed.items[0]!.documentKind).toBe("fail_notice");
    expect((await (await callerAs(db, "gzjly")).results.list({ tab: "recorded", number, limit: 50 })).items).toHaveLength(0);
  });
});
