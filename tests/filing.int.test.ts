import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/china-day";
import type { Database } from "@/server/db/open";
import { auditLog, files, filings, instrumentAttachments, instruments } from "@/server/db/schema";
import { bucketsOf, BUCKETS } from "@/server/domain/filing/buckets";
import { openTestDb } from "./helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome } from "./helpers/fixtures";

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

const as = (u: string) => callerAs(database.db, u);
const instrument = async (serial: string) => {
  const [row] = await database.db.select().from(instruments).where(eq(instruments.id, fx.instrument[serial]!));
  return row!;
};
const latestFiling = async (serial: string) => {
  const rows = await database.db.select().from(filings).where(eq(filings.instrumentId, fx.instrument[serial]!)).orderBy(filings.id);
  return rows[rows.length - 1]!;
};
const errorOf = async (call: () => Promise<unknown>) => {
  try {
    await call();
    return null;
  } catch (e) {
    return e as { code: string; message: string };
  }
};

describe("filing workflow", () => {
  it("R-FIL-1 options list institutions covering the location with the capability; recommended = lowest level", async () => {
    const ent = await as("jyzqy");
    const [pump, water] = await ent.filing.options({ instrumentIds: [fx.instrument["BA-0008"]!, fx.instrument["BA-0011"]!] });
    // Pump (on-site) in Baiyun: city and county institutes; the county one is recommended.
    expect(pump!.institutions.map((i) => i.id).sort()).toEqual([fx.org.gzInstitute, fx.org.byInstitute].sort());
    expect(pump!.recommendedId).toBe(fx.org.byInstitute);
    expect(pump!.institutions[0]!.id).toBe(fx.org.gzInstitute); // city level first
    // Water meter: the county institute lacks the kind; the authorised one covers 4401 through its explicit row.
    expect(water!.institutions.map((i) => i.id).sort()).toEqual([fx.org.gzInstitute, fx.org.authorisedInstitute].sort());
    expect(water!.recommendedId).toBe(fx.org.gzInstitute);
  });

  it("R-FIL-1 submitting to an institution without the capability is refused and nothing changes", async () => {
    const ent = await as("jyzqy");
    const err = await errorOf(() => ent.filing.submit({ items: [{ instrumentId: fx.instrument["BA-0011"]!, institutionId: fx.org.byInstitute }] }));
    expect(err?.code).toBe("BAD_REQUEST");
    expect(err?.message).toContain("不具备");
    expect((await instrument("BA-0011")).filingStatus).toBe("none");
  });

  it("R-CAT-1 a P-only kind and R-CAT-2 a P+V kind without the report are refused; with the report it goes through", async () => {
    const ent = await as("yyqy");
    const p = await errorOf(() => ent.filing.submit({ items: [{ instrumentId: fx.instrument["BA-0105"]!, institutionId: fx.org.gzInstitute }] }));
    expect(p?.message).toContain("本平台只受理强制检定");
    const pv = await errorOf(() => ent.filing.submit({ items: [{ instrumentId: fx.instrument["BA-0104"]!, institutionId: fx.org.gzInstitute }] }));
    expect(pv?.message).toContain("型式评价报告");
    await database.db.insert(files).values({ id: "f".repeat(32), originalName: "型式评价报告.pdf", mime: "application/pdf", ext: "pdf", size: 10, sha256: "0".repeat(64) });
    await database.db.insert(instrumentAttachments).values({ instrumentId: fx.instrument["BA-0104"]!, fileId: "f".repeat(32), slot: "type_evaluation", size: 10 });
    const ok = await ent.filing.submit({ items: [{ instrumentId: fx.instrument["BA-0104"]!, institutionId: fx.org.gzInstitute }] });
    expect(ok.created).toBe(1);
  });

  it("R-LED-2 a stopped instrument cannot be filed; R-FIL-5 one verified before needs no filing", async () => {
    await database.db.update(instruments).set({ status: "stopped" }).where(eq(instruments.id, fx.instrument["BA-0010"]!));
    const ent = await as("jyzqy");
    const stopped = await errorOf(() => ent.filing.submit({ items: [{ instrumentId: fx.instrument["BA-0010"]!, institutionId: fx.org.gzInstitute }] }));
    expect(stopped?.message).toContain("停用或报废");
    await database.db.update(instruments).set({ status: "new", certificateNo: "OLD-1", validUntil: "2030-01-01" }).where(eq(instruments.id, fx.instrument["BA-0010"]!));
    const again = await errorOf(() => ent.filing.submit({ items: [{ instrumentId: fx.instrument["BA-0010"]!, institutionId: fx.org.gzInstitute }] }));
    expect(again?.message).toContain("无需备案");
  });

  it("R-FIL-1 submit puts the instrument in the filing flow (R-LED-2); filing twice is refused", async () => {
    const ent = await as("jyzqy");
    const r = await ent.filing.submit({
      items: [
        { instrumentId: fx.instrument["BA-0008"]!, institutionId: fx.org.gzInstitute },
        { instrumentId: fx.instrument["BA-0011"]!, institutionId: fx.org.authorisedInstitute },
      ],
    });
    expect(r).toMatchObject({ created: 2, institutions: 2 });
    const i = await instrument("BA-0008");
    expect(i).toMatchObject({ filingStatus: "pending", flowStatus: "filing", institutionId: fx.org.gzInstitute });
    const twice = await errorOf(() => ent.filing.submit({ items: [{ instrumentId: fx.instrument["BA-0008"]!, institutionId: fx.org.gzInstitute }] }));
    expect(twice?.code).toBe("CONFLICT");
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "filing.submit"));
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it("R-FIL-2 R-FIL-4 approval assigns the institution and an 18-digit code: county + day + 4-digit sequence", async () => {
    const city = await as("gzjly");
    const f = await latestFiling("BA-0008");
    const res = await city.filing.approve({ filingIds: [f.id] });
    const day = chinaToday().replace(/-/g, "");
    expect(res.codes[0]).toMatch(new RegExp(`^440111${day}\\d{4}$`));
    expect(res.codes[0]).toHaveLength(18);
    const i = await instrument("BA-0008");
    expect(i).toMatchObject({ filingStatus: "filed", flowStatus: null, institutionId: fx.org.gzInstitute, instrumentCode: res.codes[0], filingApprovedOn: chinaToday() });
    const again = await errorOf(() => city.filing.approve({ filingIds: [f.id] }));
    expect(again?.code).toBe("CONFLICT");
    const hist = await (await as("jyzqy")).filing.history({ instrumentId: i.id });
    expect(hist.filings[0]!.history.map((h) => h.action)).toEqual(["submit", "approve"]);
  });

  it("R-FIL-2 assign offers only capable county institutions below; R-FIL-3 the county confirms and gets the code", async () => {
    const city = await as("gzjly");
    const pumpFiling = await latestFiling("BA-0015");
    expect(await city.filing.assignTargets({ filingIds: [pumpFiling.id] })).toEqual([{ id: fx.org.byInstitute, name: expect.any(String) }]);
    const water = await latestFiling("BA-0012");
    expect(await city.filing.assignTargets({ filingIds: [water.id] })).toEqual([]);
    const noCap = await errorOf(() => city.filing.assign({ filingIds: [water.id], countyInstitutionId: fx.org.byInstitute }));
    expect(noCap?.message).toContain("不具备");
    const notBelow = await errorOf(() => city.filing.assign({ filingIds: [pumpFiling.id], countyInstitutionId: fx.org.authorisedInstitute }));
    expect(notBelow?.message).toContain("只能分派给");
    await city.filing.assign({ filingIds: [pumpFiling.id], countyInstitutionId: fx.org.byInstitute });
    expect((await instrument("BA-0015")).filingStatus).toBe("assigned");
    const county = await as("byjls");
    const queue = await county.filing.queue({ view: "handle", state: "assigned", limit: 50 });
    expect(queue.items.map((q) => q.id)).toContain(pumpFiling.id);
    const res = await county.filing.confirm({ filingIds: [pumpFiling.id] });
    expect(res.codes[0]).toMatch(/^440111\d{12}$/);
    expect(await instrument("BA-0015")).toMatchObject({ filingStatus: "filed", institutionId: fx.org.byInstitute });
  });

  it("R-FIL-3 a county 无能力 return goes back to the city institution, which handles it again", async () => {
    const county = await as("byjls");
    const f = await latestFiling("BA-0014");
    await county.filing.decline({ filingIds: [f.id], text: "本所暂无该规格加油机检定装置" });
    const after = await latestFiling("BA-0014");
    expect(after).toMatchObject({ state: "pending", assignedInstitutionId: null, institutionId: fx.org.gzInstitute });
    expect(after.history.at(-1)).toMatchObject({ action: "decline", reason: "无能力" });
    expect(await instrument("BA-0014")).toMatchObject({ filingStatus: "pending", institutionId: fx.org.gzInstitute });
    expect((await errorOf(() => county.filing.confirm({ filingIds: [f.id] })))?.code).toBe("NOT_FOUND");
    const city = await as("gzjly");
    const queue = await city.filing.queue({ view: "review", state: "pending", limit: 50 });
    expect(queue.items.map((q) => q.id)).toContain(f.id);
  });

  it("R-FIL-6 资料不完整 → corrected and resubmitted; 不属于强检目录 → only deleted", async () => {
    const station = await as("jyzqy");
    const returned = await station.filing.mine({ tab: "returned", limit: 50 });
    const gas = returned.items.find((r) => r.serialNo === "BA-0013")!;
    expect(gas).toMatchObject({ returnReason: "incomplete", returnText: expect.stringContaining("型号") });
    await station.filing.resubmit({
      instrumentId: fx.instrument["BA-0013"]!,
      institutionId: fx.org.gzInstitute,
      changes: { name: "膜式燃气表", model: "G4", installLocation: "站房厨房" },
    });
    expect(await instrument("BA-0013")).toMatchObject({ model: "G4", filingStatus: "pending" });
    expect((await station.filing.mine({ tab: "returned", limit: 50 })).items.some((r) => r.serialNo === "BA-0013")).toBe(false);
    // …and is listed as submitted again (so the absence above is not an empty answer).
    expect((await station.filing.mine({ tab: "submitted", limit: 50 })).items.filter((r) => r.serialNo === "BA-0013").map((r) => r.state)).toContain("pending");

    const hospital = await as("yyqy");
    const refuse = await errorOf(() => hospital.filing.resubmit({ instrumentId: fx.instrument["BA-0107"]!, institutionId: fx.org.gzInstitute }));
    expect(refuse?.message).toContain("只能删除");
    await hospital.filing.deleteReturned({ instrumentId: fx.instrument["BA-0107"]! });
    expect(await database.db.select().from(instruments).where(eq(instruments.id, fx.instrument["BA-0107"]!))).toEqual([]);
  });

  it("R-FIL-2 a return names its reason; 其他 needs text; the enterprise sees it in 被退回", async () => {
    const city = await as("gzjly");
    const f = await latestFiling("BA-0102");
    expect(await outcome(() => city.filing.return({ filingIds: [f.id], reason: "other" }))).toBe("BAD_REQUEST");
    await city.filing.return({ filingIds: [f.id], reason: "other", text: "请补充使用科室" });
    const list = await (await as("yyqy")).filing.mine({ tab: "returned", limit: 50 });
    expect(list.items.find((r) => r.id === f.id)).toMatchObject({ returnReason: "other", returnText: "请补充使用科室" });
    expect(await instrument("BA-0102")).toMatchObject({ filingStatus: "returned", flowStatus: null });
  });

  it("R-FIL-2 two reviewers deciding the same filing at once: one wins, the other gets a clear message", async () => {
    const a = await as("gzjly");
    const b = await as("gzjly");
    const f = await latestFiling("BA-0012");
    const results = await Promise.allSettled([
      a.filing.approve({ filingIds: [f.id] }),
      b.filing.return({ filingIds: [f.id], reason: "incomplete" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason.message).toBe("该备案已被处理或状态已变化，请刷新后查看");
    const decided = await database.db.select().from(auditLog).where(and(eq(auditLog.entityType, "filing"), eq(auditLog.entityId, String(f.id))));
    expect(decided.filter((x) => x.action !== "filing.submit")).toHaveLength(1);
  });

  it("R-FIL-4 concurrent approvals in one county never hand out the same code", async () => {
    const ent = await as("jyzqy");
    await ent.filing.submit({ items: [{ instrumentId: fx.instrument["BA-0009"]!, institutionId: fx.org.gzInstitute }] });
    const city = await as("gzjly");
    const county = await as("byjls");
    // BA-0014 went back to the city (无能力); BA-0009 is new: approve both at once from two callers.
    const f1 = await latestFiling("BA-0014");
    const f2 = await latestFiling("BA-0009");
    const [r1, r2] = await Promise.all([city.filing.approve({ filingIds: [f1.id] }), (await as("gzjly")).filing.approve({ filingIds: [f2.id] })]);
    expect(r1.codes[0]).not.toBe(r2.codes[0]);
    void county;
    const codes = (await database.db.select({ c: instruments.instrumentCode }).from(instruments)).map((r) => r.c).filter(Boolean);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("R-FIL-4 code sequence under load", () => {
  it("R-FIL-4 twelve filings approved by concurrent requests get twelve distinct consecutive codes", async () => {
    const [tpl] = await database.db.select().from(instruments).where(eq(instruments.id, fx.instrument["BA-0008"]!));
    const { id: _id, createdAt: _c, updatedAt: _u, ...base } = tpl!;
    void _id; void _c; void _u;
    const fresh = await database.db
      .insert(instruments)
      .values(Array.from({ length: 12 }, (_, i) => ({ ...base, serialNo: `RACE-${i}`, serialNorm: `race-${i}`, filingStatus: "none" as const, flowStatus: null, institutionId: null, instrumentCode: null, filingApprovedOn: null, validUntil: null, certificateNo: null, failedSince: null, labelToken: null })))
      .returning({ id: instruments.id });
    const ent = await as("jyzqy");
    const { filingIds } = await ent.filing.submit({ items: fresh.map((f) => ({ instrumentId: f.id, institutionId: fx.org.gzInstitute })) });
    const callers = await Promise.all(filingIds.map(() => as("gzjly")));
    const results = await Promise.all(filingIds.map((id, i) => callers[i]!.filing.approve({ filingIds: [id] })));
    const codes = results.map((r) => r.codes[0]!);
    expect(new Set(codes).size).toBe(12);
    const seqs = codes.map((c) => Number(c.slice(14))).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(11);
    const day = chinaToday().replace(/-/g, "");
    expect(codes).toHaveLength(12);
    expect(codes.every((c) => c.startsWith(`440111${day}`) && c.length === 18)).toBe(true);
  });
});

describe("capabilities", () => {
  it("检定能力 an institution adds, disables and removes its own rows; regions must lie in its jurisdiction", async () => {
    const county = await as("byjls");
    const kinds = await county.catalogue.current();
    const water = kinds.kinds.find((k) => k.name.startsWith("水表"))!;
    const outside = await errorOf(() => county.capability.save({ kindId: water.id, method: "send_in", regionCodes: ["440106"] }));
    expect(outside?.message).toContain("辖区");
    const p = kinds.kinds.find((k) => k.supervision === "P")!;
    expect((await errorOf(() => county.capability.save({ kindId: p.id, method: "send_in", regionCodes: [] })))?.message).toContain("型式批准");
    const { id } = await county.capability.save({ kindId: water.id, method: "send_in", regionCodes: [], rangeNote: "DN15~DN25", dailyCapacity: 50 });
    expect((await county.capability.list()).items.find((c) => c.id === id)).toMatchObject({ enabled: true, rangeNote: "DN15~DN25" });
    const dup = await errorOf(() => county.capability.save({ kindId: water.id, method: "send_in", regionCodes: [] }));
    expect(dup?.code).toBe("CONFLICT");
    // The county institute now appears for a Baiyun water meter, and is recommended (R-FIL-1).
    const opts = await (await as("jyzqy")).filing.options({ instrumentIds: [fx.instrument["BA-0011"]!] });
    expect(opts[0]!.recommendedId).toBe(fx.org.byInstitute);
    await county.capability.setEnabled({ id, enabled: false });
    const opts2 = await (await as("jyzqy")).filing.options({ instrumentIds: [fx.instrument["BA-0011"]!] });
    expect(opts2[0]!.institutions.length).toBeGreaterThan(0);
    expect(opts2[0]!.institutions.some((i) => i.id === fx.org.byInstitute)).toBe(false);
    await county.capability.remove({ id });
    const left = (await county.capability.list()).items;
    expect(left.length).toBeGreaterThan(0);
    expect(left.some((c) => c.id === id)).toBe(false);
  });

  it("R-FIL-1 an authorised institution's capability must list its regions", async () => {
    const sq = await as("sqjg");
    const kinds = await sq.catalogue.current();
    const gas = kinds.kinds.find((k) => k.name.startsWith("燃气表"))!;
    expect((await errorOf(() => sq.capability.save({ kindId: gas.id, method: "send_in", regionCodes: [] })))?.message).toContain("授权机构");
  });
});

describe("jurisdiction (seeded data)", () => {
  it("R-BKT-1…5 the six counts equal the pure bucket function over the instruments in scope", async () => {
    const today = chinaToday();
    for (const account of ["gzjly", "byjls", "sqjg", "gdscjg"]) {
      const caller = await as(account);
      const { counts } = await caller.jurisdiction.counts();
      const all = [];
      let cursor: number | null = null;
      do {
        const pageRes: { items: { approvedOn: string | null; validUntil: string | null; failedSince: string | null }[]; nextCursor: number | null } =
          await caller.jurisdiction.instruments({ bucket: "all", limit: 200, cursor });
        all.push(...pageRes.items);
        cursor = pageRes.nextCursor;
      } while (cursor);
      for (const b of BUCKETS) {
        expect({ account, b, n: counts[b] }).toEqual({ account, b, n: all.filter((i) => bucketsOf(i, today)[b]).length });
        const list = await caller.jurisdiction.instruments({ bucket: b, limit: 200 });
        expect(list.items.length).toBe(counts[b]);
      }
    }
  });

  it("R-BKT-1…5 the county institute sees non-zero counts in every bucket of the demo data", async () => {
    const { counts } = await (await as("byjls")).jurisdiction.counts();
    for (const b of BUCKETS) expect({ b, nonZero: counts[b] > 0 }).toEqual({ b, nonZero: true });
  });

  it("R-SCOPE-2 申报企业: legal institutions see their jurisdiction, authorised only enterprises that filed with them", async () => {
    const city = await (await as("gzjly")).jurisdiction.enterprises({ limit: 50 });
    const approved = city.items.filter((e) => e.status === "approved").map((e) => e.id);
    expect(approved.sort()).toEqual([fx.org.stationEnterprise, fx.org.hospitalEnterprise].sort());
    // Registrations still under review in the city are listed too (seed 000 三), marked as pending.
    expect(city.items.find((e) => e.id === fx.org.pendingEnterprise)?.status).toBe("pending");
    const county = await (await as("byjls")).jurisdiction.enterprises({ limit: 50 });
    expect(county.items.map((e) => e.id)).toEqual([fx.org.stationEnterprise]);
    expect(county.items[0]!.instruments).toBeGreaterThan(0);
    const sq = await (await as("sqjg")).jurisdiction.enterprises({ limit: 50 });
    expect(sq.items.map((e) => e.id)).toContain(fx.org.hospitalEnterprise);
    const sqInstruments = await (await as("sqjg")).jurisdiction.instruments({ bucket: "all", limit: 200 });
    expect(sqInstruments.items.length).toBeGreaterThan(0);
    expect(sqInstruments.items.every((i) => i.institutionName?.includes("授权"))).toBe(true);
  });
});
