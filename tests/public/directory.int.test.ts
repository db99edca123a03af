import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { auditLog, organisations } from "@/server/db/schema";
import { directoryEntry, listDirectory } from "@/server/services/public/directory";
import { latestPublicity } from "@/server/services/public/publicity";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome } from "../helpers/fixtures";

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

describe("issue 11 #5 institution directory", () => {
  it("issue 11 #5 lists approved institutions only, filtered by region and kind, with public fields only", async () => {
    const all = await listDirectory(database.db, {});
    const ids = all.items.map((i) => i.id);
    expect(ids).toContain(fx.org.gzInstitute);
    expect(ids).not.toContain(fx.org.stationEnterprise);
    expect(Object.keys(all.items[0]!).sort()).toEqual(["address", "authorisationCertNo", "authorisationValidUntil", "contactPhone", "id", "kind", "level", "name", "regionName"]);
    const authorised = await listDirectory(database.db, { kind: "authorised" });
    expect(authorised.items.every((i) => i.kind === "authorised")).toBe(true);
    expect(authorised.items.length).toBeGreaterThan(0);
    const county = await listDirectory(database.db, { region: "440111" });
    expect(county.items.map((i) => i.id)).toContain(fx.org.byInstitute);
    expect(county.items.map((i) => i.id)).not.toContain(fx.org.gzInstitute);
    expect((await listDirectory(database.db, { region: "43" })).items).toHaveLength(0);
  });

  it("R-SCOPE-5 a mobile number as an institution's phone is masked in the directory", async () => {
    await database.db.update(organisations).set({ contactPhone: "13911112222" }).where(eq(organisations.id, fx.org.byInstitute!));
    const e = await directoryEntry(database.db, fx.org.byInstitute!);
    expect(e!.contactPhone).toBe("139****2222");
    expect(await directoryEntry(database.db, fx.org.stationEnterprise!)).toBeNull();
  });

  it("issue 11 #5 the owner edits its authorisation (with an audit row); another institution's is NOT_FOUND; the administrator edits any", async () => {
    const gz = await callerAs(database.db, "gzjly");
    await gz.directory.updateAuthorisation({ authorisationCertNo: "（粤）法计（2026）09999号", authorisationValidUntil: "2031-12-31" });
    expect((await directoryEntry(database.db, fx.org.gzInstitute!))!).toMatchObject({ authorisationCertNo: "（粤）法计（2026）09999号", authorisationValidUntil: "2031-12-31" });
    const [a] = await database.db.select().from(auditLog).where(eq(auditLog.action, "organisation.authorisation")).orderBy(desc(auditLog.id)).limit(1);
    expect(a).toMatchObject({ entityId: String(fx.org.gzInstitute) });
    const by = await callerAs(database.db, "byjls");
    expect(await outcome(() => by.directory.updateAuthorisation({ orgId: fx.org.gzInstitute, authorisationCertNo: "X", authorisationValidUntil: "2030-01-01" }))).toBe("NOT_FOUND");
    const admin = await callerAs(database.db, "admin");
    await admin.directory.updateAuthorisation({ orgId: fx.org.byInstitute, authorisationCertNo: "（粤）法计（2026）08888号", authorisationValidUntil: "2030-06-30" });
    expect((await directoryEntry(database.db, fx.org.byInstitute!))!.authorisationCertNo).toBe("（粤）法计（2026）08888号");
    expect(await outcome(() => gz.directory.updateAuthorisation({ authorisationCertNo: "", authorisationValidUntil: "2030-01-01" }))).toBe("BAD_REQUEST");
  });
});

describe("issue 11 #4 公示 of completed business", () => {
  it("issue 11 #4 lists completed appointments and approved filings with number, applicant, matter, day and result", async () => {
    const rows = await latestPublicity(database.db, 30);
    expect(rows.some((r) => r.result === "已完检" && /^S|^X/.test(r.number))).toBe(true);
    expect(rows.some((r) => r.result === "备案通过" && /^\d{18}$/.test(r.number))).toBe(true);
    expect(Object.keys(rows[0]!).sort()).toEqual(["applicant", "day", "institution", "matter", "number", "result"]);
    expect(rows.map((r) => r.day)).toEqual([...rows.map((r) => r.day)].sort().reverse());
  });
});
