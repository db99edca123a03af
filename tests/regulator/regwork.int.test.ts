import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/china-day";
import type { Database } from "@/server/db/open";
import { appointments, auditLog, dispenserDetails, filings, instruments, notices, organisations, slotUsage, users } from "@/server/db/schema";
import { bucketsOf } from "@/server/domain/filing/buckets";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, type Foreign, loadFixtures, outcome, seedForeign } from "../helpers/fixtures";
import { sessionCookie } from "../helpers/session-cookie";

/**
 * Issue 12 (regwork) bad input and behaviour: supervision lists (items 3), notices (4), task assignment (5),
 * fuel dispensers (6), duplicate flags (8). Scope per level is in the policy matrix (tests/policy/table.ts);
 * here a regulator of another province is the witness that the foreign records match the same calls.
 */
process.env.NEXTAUTH_SECRET = "test-secret-for-regwork";
process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "qjt-regwork-uploads-"));
const { GET: exportGet } = await import("@/app/api/regulator/instruments/export/route");
const { GET: templateGet } = await import("@/app/api/regulator/dispensers/template/route");
const { POST: importPost } = await import("@/app/api/regulator/dispensers/import/route");

let database: Database;
let fx: Fixtures;
let ff: Foreign;
const HN_REG = "hn_regulator";

async function cookieOf(username: string) {
  const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return sessionCookie(u!.id);
}
const as = (u: string) => callerAs(database.db, u);

async function readXlsx(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  return rows;
}

beforeAll(async () => {
  database = await openTestDb();
  (globalThis as unknown as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
  fx = await loadFixtures(database.db);
  ff = await seedForeign(database.db, fx);
  // A Hunan regulator: the witness that the foreign records pass every filter but the scope.
  const [org] = await database.db
    .insert(organisations)
    .values({ kind: "regulator", name: "湖南省市场监督管理局（测试）", level: "province", regionCode: "43", provinceCode: "43", status: "approved" })
    .returning({ id: organisations.id });
  const [hashed] = await database.db.select({ h: users.passwordHash }).from(users).where(eq(users.username, "gdscjg"));
  await database.db.insert(users).values({ username: HN_REG, displayName: "湖南监管（测试）", role: "regulator", orgId: org!.id, passwordHash: hashed!.h });
}, 120_000);
afterAll(() => database?.close());

describe("issue 12 item 3: 辖区仪器 and 预警", () => {
  it("R-SCOPE-3 each level lists its region only; the foreign province's regulator sees the foreign instruments", async () => {
    const foreign = Object.values(ff.instrument);
    for (const u of ["gdscjg", "gzscjg", "byscjg"]) {
      const r = await (await as(u)).supervision.instruments({ limit: 200 });
      expect(r.items.length, u).toBeGreaterThan(0);
      expect(r.items.filter((i) => foreign.includes(i.id)), u).toEqual([]);
    }
    const by = await (await as("byscjg")).supervision.instruments({ limit: 200 });
    expect(by.items.every((i) => i.countyName === "白云区")).toBe(true);
    const hn = await (await as(HN_REG)).supervision.instruments({ limit: 200 });
    expect(hn.items.map((i) => i.id).filter((id) => foreign.includes(id)).length).toBeGreaterThan(0);
  });

  it("R-BKT-1…5 a bucket lists exactly the rows the pure rule puts in it, with keyset pages", async () => {
    const gd = await as("gdscjg");
    const today = chinaToday();
    for (const bucket of ["due", "overdue", "invalid", "valid", "failed"] as const) {
      const all = await gd.supervision.instruments({ limit: 200 });
      const listed = await gd.supervision.instruments({ bucket, limit: 200 });
      const expected = all.items.filter((i) => bucketsOf(i, today)[bucket]).map((i) => i.id);
      expect(listed.items.map((i) => i.id), bucket).toEqual(expected);
    }
    const p1 = await gd.supervision.instruments({ limit: 3 });
    const p2 = await gd.supervision.instruments({ limit: 3, cursor: p1.nextCursor });
    expect(p2.items[0]!.id).toBeLessThan(p1.items[2]!.id);
  });

  it("issue 12 bad input: drilling outside the subtree is NOT_FOUND, unknown filter values answer a clear message", async () => {
    const gz = await as("gzscjg");
    expect(await outcome(() => gz.supervision.instruments({ region: "4402" }))).toBe("NOT_FOUND");
    expect(await outcome(() => gz.supervision.instruments({ region: "440199" }))).toBe("NOT_FOUND");
    await expect(gz.supervision.instruments({ bucket: "nope" as never })).rejects.toThrow(/分类无效/);
    await expect(gz.supervision.instruments({ item: 987654321 })).rejects.toThrow(/项别不存在/);
    await expect(gz.supervision.instruments({ institution: 987654321 })).rejects.toThrow(/检定机构不存在/);
    await expect(gz.supervision.instruments({ purpose: "x" as never })).rejects.toThrow(/用途无效/);
  });

  it("issue 12 filters: purpose, institution and catalogue item narrow the list", async () => {
    const gz = await as("gzscjg");
    const medical = await gz.supervision.instruments({ purpose: "medical", limit: 200 });
    expect(medical.items.length).toBeGreaterThan(0);
    expect(medical.items.every((i) => i.purpose === "medical")).toBe(true);
    const withBy = await gz.supervision.instruments({ institution: fx.org.byInstitute, limit: 200 });
    expect(withBy.items.length).toBeGreaterThan(0);
    expect(withBy.items.every((i) => i.institutionName?.includes("白云区计量检定所"))).toBe(true);
    const { items } = await gz.supervision.options();
    const pump = await gz.supervision.instruments({ limit: 200, q: "燃油加油机" });
    const itemName = pump.items[0]!.itemName;
    const byItem = await gz.supervision.instruments({ item: items.find((i) => i.name === itemName)!.id, limit: 200 });
    expect(byItem.items.length).toBeGreaterThan(0);
    expect(byItem.items.every((i) => i.itemName === itemName)).toBe(true);
  });

  it("预警 lists overdue rows with the enterprise's registered contact", async () => {
    const r = await (await as("gzscjg")).supervision.warnings({ bucket: "overdue", limit: 200 });
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((i) => i.bucket === "overdue" || i.bucket === "invalid")).toBe(true);
    expect(r.items.find((i) => i.enterpriseName.includes("加油站"))?.enterprisePhone).toBe("13800000001");
  });

  it("export: the streamed xlsx re-opens with the list's rows; a region outside scope is 404, an unknown bucket 400", async () => {
    const cookie = await cookieOf("gzscjg");
    const res = await exportGet(new Request("http://localhost/api/regulator/instruments/export?bucket=overdue&region=440111", { headers: { cookie } }));
    expect(res.status).toBe(200);
    const rows = await readXlsx(res);
    const list = await (await as("gzscjg")).supervision.instruments({ bucket: "overdue", region: "440111", limit: 200 });
    expect(rows[0]).toContain("出厂编号");
    expect(rows.slice(1).map((r) => r[2]).sort()).toEqual(list.items.map((i) => i.serialNo).sort());
    const outside = await exportGet(new Request("http://localhost/api/regulator/instruments/export?region=4402", { headers: { cookie } }));
    expect(outside.status).toBe(404);
    const bad = await exportGet(new Request("http://localhost/api/regulator/instruments/export?bucket=sometimes", { headers: { cookie } }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/分类无效/);
    const enterprise = await exportGet(new Request("http://localhost/api/regulator/instruments/export", { headers: { cookie: await cookieOf("jyzqy") } }));
    expect(enterprise.status).toBe(403);
  });
});

describe("issue 12 item 4: notices", () => {
  it("script, event handlers and javascript: links are removed; published ones reach the public, drafts and withdrawn ones do not", async () => {
    const by = await as("byscjg");
    const { id } = await by.notice.create({
      kind: "notice",
      title: "脚本测试公告",
      bodyHtml: '<p onmouseover="steal()">正文<script>alert(1)</script></p><a href="javascript:alert(2)">链接</a><img src="https://example.org/a.png" onerror="alert(3)">',
    });
    const [stored] = await database.db.select({ body: notices.bodyHtml }).from(notices).where(eq(notices.id, id));
    expect(stored!.body).not.toMatch(/script|onmouseover|onerror|javascript/i);
    expect(stored!.body).toContain("正文");
    const anon = await callerAs(database.db, null);
    expect(await outcome(() => anon.publicNotice.byId({ id }))).toBe("NOT_FOUND");
    await by.notice.publish({ id });
    const pub = await anon.publicNotice.byId({ id });
    expect(pub.bodyHtml).toBe(stored!.body);
    expect((await anon.publicNotice.list({ limit: 50 })).items.map((n) => n.id)).toContain(id);
    await by.notice.withdraw({ id });
    expect(await outcome(() => anon.publicNotice.byId({ id }))).toBe("NOT_FOUND");
    expect(await outcome(() => by.notice.withdraw({ id }))).toBe("CONFLICT");
    const audit = await database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "notice"), eq(auditLog.entityId, String(id))));
    expect(audit.map((a) => a.action)).toEqual(["notice.create", "notice.publish", "notice.withdraw"]);
  });
});

describe("issue 12 item 5: task assignment", () => {
  it("a pending filing moves to a capable institution in scope, with history and audit; refused without capability or outside scope", async () => {
    const gz = await as("gzscjg");
    const filingId = fx.filing["BA-0015"]!;
    const listed = await gz.regulatorTask.filings({ limit: 200 });
    expect(listed.items.map((f) => f.id)).toContain(filingId);
    const targets = await gz.regulatorTask.targets({ kind: "filing", id: filingId });
    expect(targets.map((t) => t.id)).toContain(fx.org.byInstitute);
    expect(targets.map((t) => t.id)).not.toContain(fx.org.authorisedInstitute);
    await expect(gz.regulatorTask.move({ kind: "filing", id: filingId, targetInstitutionId: fx.org.authorisedInstitute!, reason: "试" })).rejects.toThrow(/不具备/);
    await expect((await as("byscjg")).regulatorTask.move({ kind: "filing", id: filingId, targetInstitutionId: fx.org.gzInstitute!, reason: "试" })).rejects.toThrow(/本辖区/);
    await expect(gz.regulatorTask.move({ kind: "filing", id: filingId, targetInstitutionId: fx.org.gzInstitute!, reason: "试" })).rejects.toThrow(/另一家/);
    await gz.regulatorTask.move({ kind: "filing", id: filingId, targetInstitutionId: fx.org.byInstitute!, reason: "市所检定任务饱和，转区所" });
    const [f] = await database.db.select().from(filings).where(eq(filings.id, filingId));
    expect(f!.institutionId).toBe(fx.org.byInstitute);
    expect(f!.state).toBe("pending");
    expect(f!.history.at(-1)).toMatchObject({ action: "transfer", toOrgId: fx.org.byInstitute, text: "市所检定任务饱和，转区所" });
    // The target, the enterprise and the old institution (its jurisdiction) read it in the filing history.
    for (const u of ["byjls", "jyzqy", "gzjly"]) {
      const h = await (await as(u)).filing.history({ instrumentId: fx.instrument["BA-0015"]! });
      expect(JSON.stringify(h), u).toContain("市所检定任务饱和");
    }
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "filing.transfer"), eq(auditLog.entityId, String(filingId))));
    expect(audit).toHaveLength(1);
  });

  it("an open appointment moves with its date: places released at the old institution, taken at the target, back to 已提交", async () => {
    const gz = await as("gzscjg");
    const id = fx.appointment["YY-0001"]!;
    const [before] = await database.db.select().from(appointments).where(eq(appointments.id, id));
    const used = async (inst: number, slot: number) =>
      (await database.db.select({ used: slotUsage.used }).from(slotUsage).where(and(eq(slotUsage.institutionId, inst), eq(slotUsage.day, before!.day), eq(slotUsage.slotId, slot), eq(slotUsage.method, before!.method))))[0]?.used ?? 0;
    const oldBefore = await used(before!.institutionId, before!.slotId);
    await gz.regulatorTask.move({ kind: "appointment", id, targetInstitutionId: fx.org.gzInstitute!, reason: "区所设备检修" });
    const [after] = await database.db.select().from(appointments).where(eq(appointments.id, id));
    expect(after).toMatchObject({ institutionId: fx.org.gzInstitute, state: "submitted", day: before!.day });
    expect(await used(before!.institutionId, before!.slotId)).toBe(oldBefore - before!.instrumentCount);
    expect(await used(fx.org.gzInstitute!, after!.slotId)).toBeGreaterThanOrEqual(before!.instrumentCount);
    expect(after!.history.at(-1)).toMatchObject({ action: "transferred", state: "submitted" });
    expect(after!.history.at(-1)!.text).toContain("区所设备检修");
    expect(await outcome(() => gz.regulatorTask.move({ kind: "appointment", id: fx.appointment["YY-0103"]!, targetInstitutionId: fx.org.byInstitute!, reason: "x" }))).toBe("CONFLICT");
  });
});

describe("issue 12 item 6: fuel dispensers", () => {
  const pump = (serialNo: string, antiCheatVersion: string) => ({ serialNo, manufacturer: "测试加油机厂", model: "CS50", nozzleCount: 4, mcuVersion: "M2.0", encoderVersion: "E1.1", antiCheatVersion });

  it("recorded against a station in scope as an instrument of the dispenser kind; the version filter lists those that differ", async () => {
    const by = await as("byscjg");
    const station = fx.org.stationEnterprise!;
    const a = await by.dispenser.create({ ...pump("T-PUMP-1", "F3.0"), enterpriseId: station });
    await by.dispenser.create({ ...pump("T-PUMP-2", "F2.1"), enterpriseId: station });
    const [row] = await database.db.select().from(instruments).where(eq(instruments.id, a.id));
    expect(row).toMatchObject({ enterpriseId: station, kindId: fx.kind["燃油加油机"], method: "on_site", purpose: "trade", countyCode: "440111" });
    const [d] = await database.db.select().from(dispenserDetails).where(eq(dispenserDetails.instrumentId, a.id));
    expect(d).toMatchObject({ nozzleCount: 4, antiCheatVersion: "F3.0" });
    const outdated = await by.dispenser.list({ enterpriseId: station, versionField: "antiCheatVersion", versionValue: "F3.0" });
    expect(outdated.items.map((i) => i.serialNo)).toEqual(["T-PUMP-2"]);
    await expect(by.dispenser.create({ ...pump("t-pump-1", "F3.0"), enterpriseId: station })).rejects.toThrow(/已登记/);
    await expect(by.dispenser.list({ versionField: "antiCheatVersion" })).rejects.toThrow(/版本号/);
  });

  it("issue 12 bad input: a dispenser for an enterprise outside scope is NOT_FOUND", async () => {
    expect(await outcome(async () => (await as("byscjg")).dispenser.create({ ...pump("T-PUMP-9", "F3.0"), enterpriseId: fx.org.hospitalEnterprise! }))).toBe("NOT_FOUND");
    expect(await outcome(async () => (await as("gdscjg")).dispenser.create({ ...pump("T-PUMP-9", "F3.0"), enterpriseId: ff.org.enterprise }))).toBe("NOT_FOUND");
  });

  it("the Excel template imports for this channel, all rows or none", async () => {
    const cookie = await cookieOf("byscjg");
    const tpl = await templateGet(new Request("http://localhost/api/regulator/dispensers/template", { headers: { cookie } }));
    expect(tpl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await tpl.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    ws.addRow(["IMP-1", "导入厂", "CS46", 2, "M1", "E1", "F1", "2号岛"]);
    ws.addRow(["IMP-2", "导入厂", "CS46", 4, "M1", "E1", "F2", ""]);
    const post = async (bytes: Buffer, enterpriseId: number) => {
      const form = new FormData();
      form.set("enterpriseId", String(enterpriseId));
      form.set("file", new File([new Uint8Array(bytes)], "加油机.xlsx"));
      return importPost(new Request("http://localhost/api/regulator/dispensers/import", { method: "POST", body: form, headers: { cookie, origin: "http://localhost", host: "localhost" } }));
    };
    const good = await post(Buffer.from(await wb.xlsx.writeBuffer()), fx.org.stationEnterprise!);
    expect(await good.json()).toMatchObject({ created: 2, errors: [] });
    ws.addRow(["IMP-3", "导入厂", "CS46", "很多", "M1", "E1", "F2", ""]);
    const bad = await post(Buffer.from(await wb.xlsx.writeBuffer()), fx.org.stationEnterprise!);
    const body = (await bad.json()) as { created: number; errors: { row: number; message: string }[] };
    expect(body.created).toBe(0);
    expect(body.errors[0]).toMatchObject({ row: 5 });
    expect(body.errors[0]!.message).toMatch(/枪数/);
    const outside = await post(Buffer.from(await wb.xlsx.writeBuffer()), fx.org.hospitalEnterprise!);
    expect(outside.status).toBe(404);
    const count = await database.db.select().from(instruments).where(eq(instruments.serialNo, "IMP-3"));
    expect(count).toHaveLength(0);
  });
});

describe("issue 12 item 8: duplicate flags", () => {
  it("the same normalised manufacturer + serial at two enterprises is listed once, both enterprises named, for regulators covering either", async () => {
    const [src] = await database.db.select().from(instruments).where(eq(instruments.id, fx.instrument["stationEnterprise:TZ-JYJ-0005"]!));
    const { id: _id, createdAt: _c, updatedAt: _u, instrumentCode: _code, ...copy } = src!;
    const [dup] = await database.db
      .insert(instruments)
      .values({ ...copy, enterpriseId: fx.org.hospitalEnterprise!, countyCode: "440106", serialNo: ` ${src!.serialNo.toLowerCase()} `, filingStatus: "none", validUntil: null, filingApprovedOn: null, institutionId: null, labelToken: null })
      .returning({ id: instruments.id });
    for (const u of ["gdscjg", "gzscjg", "byscjg"]) {
      const r = await (await as(u)).supervision.duplicates({ limit: 200 });
      const pairs = r.items.filter((p) => [p.aId, p.bId].includes(dup!.id));
      expect(pairs, u).toHaveLength(1);
      expect([pairs[0]!.aEnterprise, pairs[0]!.bEnterprise].sort()).toEqual(["广州天河示例医院（示例）", "广州示例加油站有限公司（示例）"].sort());
    }
    const hn = await (await as(HN_REG)).supervision.duplicates({ limit: 200 });
    expect(hn.items.filter((p) => [p.aId, p.bId].includes(dup!.id))).toHaveLength(0);
  });
});
