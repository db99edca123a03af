import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { departments, instruments, ledgerImports } from "@/server/db/schema";
import { EXCEL_COLUMNS } from "@/server/domain/ledger/excel-columns";
import { addAttachment, attachmentFileInScope } from "@/server/services/ledger/attachments";
import { hasTypeEvaluationReport, withTypeEvaluationReport } from "@/server/services/filing/type-evaluation";
import { scopeOf } from "@/server/authz/scope";
import { loadSessionUser } from "@/server/auth/session-user";
import { buildTemplate, exportLedger } from "@/server/services/ledger/excel-write";
import { checkLedgerFile, importLedgerFile } from "@/server/services/ledger/import-ledger";
import { goodRow, ledgerWorkbook, sampleRows } from "../scripts/ledger/sample-file";
import { openTestDb } from "./helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome } from "./helpers/fixtures";

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "qjt-ledger-"));
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

const station = () => ({ userId: fx.user.jyzqy!, orgId: fx.org.stationEnterprise!, ip: null });
const fields = (serialNo: string, extra: Record<string, unknown> = {}) => ({
  name: "燃油加油机",
  model: "CS46",
  serialNo,
  manufacturer: "集成测试厂",
  installLocation: "9号岛",
  countyCode: "440111",
  purpose: "trade" as const,
  method: "on_site" as const,
  kindId: fx.kind["燃油加油机"]!,
  ...extra,
});
const countOf = async (prefix: string) =>
  (await database.db.select({ n: count() }).from(instruments).where(like(instruments.serialNo, `${prefix}%`)))[0]!.n;

describe("ledger procedures", () => {
  it("R-LED-1 a duplicate (full-width, other case, spaces) is refused naming the existing record (issue 9 #14: by 出厂编号, not its database id)", async () => {
    const api = await callerAs(database.db, "jyzqy");
    const { id } = await api.ledger.create(fields("INT-dup-1"));
    const refused = await api.ledger.create({ ...fields("ＩＮＴ－ＤＵＰ－１ "), manufacturer: " 集成测试厂" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("燃油加油机（生产厂家 集成测试厂，出厂编号 INT-dup-1）") });
    expect((refused as Error).message).not.toContain(`编号 ${id}）`);
    // The other enterprise may use the same key.
    const hospital = await callerAs(database.db, "yyqy");
    expect(await outcome(() => hospital.ledger.create(fields("INT-dup-1", { countyCode: "440106" })))).toBe("ok");
  });

  it("R-CAT-1 a P-only kind is refused with a clear message", async () => {
    const api = await callerAs(database.db, "jyzqy");
    await expect(api.ledger.create(fields("INT-P-1", { kindId: fx.kind["全站仪"] }))).rejects.toMatchObject({ message: expect.stringContaining("不属于强制检定") });
  });

  it("R-LED-2 stop → scrap → enable, and the history records each step", async () => {
    const api = await callerAs(database.db, "jyzqy");
    const { id } = await api.ledger.create(fields("INT-life-1"));
    await expect(api.ledger.scrap({ ids: [id] })).rejects.toMatchObject({ code: "CONFLICT" });
    await api.ledger.stop({ ids: [id] });
    await api.ledger.scrap({ ids: [id] });
    await api.ledger.enable({ ids: [id] });
    const d = await api.ledger.byId({ id });
    expect(d.status).toBe("in_use");
    expect(d.history.map((h) => h.action)).toEqual(["instrument.enable", "instrument.scrap", "instrument.stop", "instrument.create"]);
  });

  it("R-LED-2 modify and delete are refused inside a flow; a filed instrument is never deleted", async () => {
    const api = await callerAs(database.db, "jyzqy");
    const { id } = await api.ledger.create(fields("INT-flow-1"));
    await database.db.update(instruments).set({ flowStatus: "filing" }).where(eq(instruments.id, id));
    await expect(api.ledger.update({ id, fields: fields("INT-flow-1", { model: "新型号" }) })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(api.ledger.remove({ ids: [id] })).rejects.toMatchObject({ code: "CONFLICT" });
    await database.db.update(instruments).set({ flowStatus: null, filingStatus: "filed" }).where(eq(instruments.id, id));
    expect(await outcome(() => api.ledger.update({ id, fields: fields("INT-flow-1", { model: "新型号" }) }))).toBe("ok");
    await expect(api.ledger.remove({ ids: [id] })).rejects.toMatchObject({ message: expect.stringContaining("不能删除") });
  });

  it("R-LED-2 a modification based on a stale form is refused (someone else changed the record)", async () => {
    const api = await callerAs(database.db, "jyzqy");
    const { id } = await api.ledger.create(fields("INT-stale-1"));
    const opened = (await api.ledger.byId({ id })).updatedAt;
    await new Promise((r) => setTimeout(r, 5));
    await api.ledger.update({ id, fields: fields("INT-stale-1", { model: "甲" }), expectedUpdatedAt: opened });
    await expect(api.ledger.update({ id, fields: fields("INT-stale-1", { model: "乙" }), expectedUpdatedAt: opened })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await api.ledger.byId({ id })).model).toBe("甲");
  });

  it("R-SCOPE-1 another enterprise's instrument is NOT_FOUND for every ledger procedure", async () => {
    const other = fx.instrument["hospitalEnterprise:TZ-TWJ-0001"]!;
    const api = await callerAs(database.db, "jyzqy");
    for (const call of [
      () => api.ledger.byId({ id: other }),
      () => api.ledger.update({ id: other, fields: fields("X") }),
      () => api.ledger.stop({ ids: [other] }),
      () => api.ledger.enable({ ids: [other] }),
      () => api.ledger.scrap({ ids: [other] }),
      () => api.ledger.remove({ ids: [other] }),
      () => api.ledger.deleteAttachment({ instrumentId: other, attachmentId: 1 }),
    ])
      expect(await outcome(call)).toBe("NOT_FOUND");
  });

  it("R-LED-6 the list filters, sorts by validity with keyset pages, and counts due/overdue", async () => {
    const api = await callerAs(database.db, "jyzqy");
    const seen: number[] = [];
    let cursor: string | null = null;
    let previous = "";
    do {
      const page: Awaited<ReturnType<typeof api.ledger.list>> = await api.ledger.list({ sort: "validUntil", limit: 7, cursor, q: "TZ-JYJ" });
      for (const r of page.items) {
        const key = r.validUntil ?? "9999-12-31";
        expect(key >= previous).toBe(true);
        previous = key;
        seen.push(r.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(24);
    const counts = await api.ledger.counts({ q: "TZ-JYJ" });
    expect(counts).toMatchObject({ total: 24, overdue: 2 });
    expect(counts.due).toBeGreaterThan(0);
    const overdue = await api.ledger.list({ bucket: "overdue", limit: 50, sort: "newest" });
    expect(overdue.items.length).toBeGreaterThanOrEqual(2);
    expect(overdue.items.every((r) => r.warning === "red")).toBe(true);
    const tagged = await api.ledger.list({ tag: "1号岛", limit: 50, sort: "name" });
    expect(tagged.items).toHaveLength(4);
  });
});

describe("attachments (R-LED-3, R-CAT-2)", () => {
  const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  it("R-LED-3 a file of the wrong type (by content, whatever its name) is refused and nothing is stored", async () => {
    const { id } = await (await callerAs(database.db, "jyzqy")).ledger.create(fields("INT-att-1"));
    await expect(addAttachment(database.db, station(), id, "general", { name: "证书.pdf", bytes: new TextEncoder().encode("just text") })).rejects.toMatchObject({
      message: expect.stringContaining("类型不受支持"),
    });
    expect((await (await callerAs(database.db, "jyzqy")).ledger.byId({ id })).attachments).toHaveLength(0);
  });
  it("R-LED-3 10 MB in total per instrument", async () => {
    const { id } = await (await callerAs(database.db, "jyzqy")).ledger.create(fields("INT-att-2"));
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(PDF);
    big.set(new TextEncoder().encode("\n%%EOF\n"), big.length - 7); // a complete PDF (R-SEC-2), only large
    await addAttachment(database.db, station(), id, "general", { name: "a.pdf", bytes: big });
    await expect(addAttachment(database.db, station(), id, "general", { name: "b.pdf", bytes: big })).rejects.toMatchObject({ message: expect.stringContaining("10 MB") });
  });
  it("R-CAT-2 hasTypeEvaluationReport sees only the type-evaluation slot", async () => {
    const { id } = await (await callerAs(database.db, "jyzqy")).ledger.create(fields("INT-att-3"));
    await addAttachment(database.db, station(), id, "general", { name: "照片.pdf", bytes: PDF });
    expect(await hasTypeEvaluationReport(database.db, id)).toBe(false);
    await addAttachment(database.db, station(), id, "type_evaluation", { name: "型式评价报告.pdf", bytes: PDF });
    expect(await hasTypeEvaluationReport(database.db, id)).toBe(true);
  });
  it("R-CAT-2 a report attached in the ledger is what filing checks, for a batch in one query", async () => {
    const api = await callerAs(database.db, "jyzqy");
    const pv = await api.ledger.create(fields("INT-pv-1", { kindId: fx.kind["电力测量用互感器"], name: "电流互感器" }));
    const pv2 = await api.ledger.create(fields("INT-pv-2", { kindId: fx.kind["电力测量用互感器"], name: "电流互感器" }));
    await addAttachment(database.db, station(), pv2.id, "type_evaluation", { name: "型式评价报告.pdf", bytes: PDF });
    expect([...(await withTypeEvaluationReport(database.db, [pv.id, pv2.id]))]).toEqual([pv2.id]);
  });
  it("R-SCOPE-1 an attachment downloads only within the instrument's scope", async () => {
    const { id } = await (await callerAs(database.db, "jyzqy")).ledger.create(fields("INT-att-4"));
    const att = await addAttachment(database.db, station(), id, "type_evaluation", { name: "报告.pdf", bytes: PDF });
    const scopeOfUser = async (u: string) => scopeOf({ user: await loadSessionUser(database.db, fx.user[u]!, null) });
    expect(await outcome(async () => attachmentFileInScope(database.db, await scopeOfUser("jyzqy"), att.id))).toBe("ok");
    expect(await outcome(async () => attachmentFileInScope(database.db, await scopeOfUser("byjls"), att.id))).toBe("ok");
    await expect(attachmentFileInScope(database.db, await scopeOfUser("yyqy"), att.id)).rejects.toMatchObject({ appCode: "NOT_FOUND" });
    await expect(attachmentFileInScope(database.db, await scopeOfUser("sqjg"), att.id)).rejects.toMatchObject({ appCode: "NOT_FOUND" });
  });
});

describe("Excel import and export (R-LED-5)", () => {
  it("R-LED-5 a file with good and bad rows: preview names row and column; confirm writes only the valid rows, once", async () => {
    const rows = sampleRows(40, 3, "INTX");
    rows.push(goodRow(5, "INTX")); // duplicate within the file
    const bytes = new Uint8Array(await ledgerWorkbook(rows));
    const check = await checkLedgerFile(database.db, station().orgId, { name: "台账.xlsx", bytes });
    expect(check.totalRows).toBe(41);
    expect(check.validRows).toBe(37);
    expect(check.errorRows).toBe(4);
    expect(check.errors.map((e) => e.column).sort()).toEqual(["出厂编号", "器具名称", "所在地", "项别/种别"].sort());
    expect(check.errors.find((e) => e.column === "出厂编号")).toMatchObject({ row: 42, message: expect.stringContaining("与第 6 行") });
    expect(await countOf("INTX")).toBe(0); // checking writes nothing
    const r = await importLedgerFile(database.db, station(), { name: "台账.xlsx", bytes });
    expect(r).toMatchObject({ alreadyImported: false, inserted: 37, validRows: 37, errorRows: 4 });
    expect(r.errors).toEqual(check.errors);
    expect(await countOf("INTX")).toBe(37);
    // The same file again: recognised by its sha256, nothing written twice.
    const again = await checkLedgerFile(database.db, station().orgId, { name: "副本.xlsx", bytes });
    expect(again.alreadyImported).toBe(true);
    expect(await importLedgerFile(database.db, station(), { name: "副本.xlsx", bytes })).toMatchObject({ alreadyImported: true, inserted: 0 });
    expect(await countOf("INTX")).toBe(37);
  });

  it("R-LED-5 all or nothing: a failure after rows were staged and written rolls the whole import back", async () => {
    const bytes = new Uint8Array(await ledgerWorkbook(sampleRows(30, 0, "INTY").map((r) => ({ ...r, 部门: "回滚部门" }))));
    const check = await checkLedgerFile(database.db, station().orgId, { name: "y.xlsx", bytes });
    expect(check.validRows).toBe(30);
    // The connection drops once the rows are in the ledger, before COMMIT.
    const failing = importLedgerFile(database.db, station(), { name: "y.xlsx", bytes }, (phase, done) => {
      if (phase === "write" && done > 0) throw new Error("connection lost");
    });
    await expect(failing).rejects.toThrow("connection lost");
    expect(await countOf("INTY")).toBe(0);
    const [batch] = await database.db.select().from(ledgerImports).where(and(eq(ledgerImports.sha256, check.sha256)));
    expect(batch).toBeUndefined();
    expect(await database.db.select().from(departments).where(eq(departments.name, "回滚部门"))).toHaveLength(0);
    // A row that became a duplicate since the preview is reported at confirm and the others still go in.
    await (await callerAs(database.db, "jyzqy")).ledger.create({ ...fields("INTY-000030"), manufacturer: "示例加油机制造有限公司" });
    const r = await importLedgerFile(database.db, station(), { name: "y.xlsx", bytes });
    expect(r).toMatchObject({ inserted: 29, errorRows: 1, errors: [{ row: 31, column: "出厂编号", message: expect.stringContaining("台账中已有") }] });
    expect(await countOf("INTY")).toBe(30);
  });

  it("R-LED-5 a file that is not an xlsx is refused", async () => {
    await expect(checkLedgerFile(database.db, station().orgId, { name: "a.xlsx", bytes: new TextEncoder().encode("名称,型号\n") })).rejects.toMatchObject({
      message: expect.stringContaining("不是有效的 Excel"),
    });
  });

  it("R-LED-5 an xlsx whose entries would unpack to more than 500 MB (zip bomb) is refused before parsing", async () => {
    const bytes = Buffer.from(await ledgerWorkbook(sampleRows(3, 0, "BOMB")));
    // Declare 600 MB for the first central-directory entry (a 200,000-row ledger unpacks to about 150 MB).
    const cd = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(600 * 1024 * 1024, cd + 24);
    await expect(checkLedgerFile(database.db, station().orgId, { name: "bomb.xlsx", bytes: new Uint8Array(bytes) })).rejects.toMatchObject({
      message: expect.stringContaining("超过 500 MB"),
    });
  });

  it("R-LED-5 row-by-row import: a failed row never blocks the others", async () => {
    const api = await callerAs(database.db, "jyzqy");
    const cells = (r: Record<string, string | number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]));
    const res = await api.ledger.importRows({
      rows: [
        { rowNumber: 2, cells: cells(goodRow(1, "INTR")) },
        { rowNumber: 3, cells: cells({ ...goodRow(2, "INTR"), 器具名称: "" }) },
        { rowNumber: 4, cells: cells(goodRow(1, "INTR")) },
        { rowNumber: 5, cells: cells(goodRow(3, "INTR")) },
      ],
    });
    expect(res.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(await countOf("INTR")).toBe(2);
  });

  it("R-LED-5 the template has the form's columns and drop-downs; the export has the same columns and the filtered rows", async () => {
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.load((await buildTemplate(database.db)) as never);
    const headers = (tpl.getWorksheet("台账")!.getRow(1).values as string[]).slice(1);
    expect(headers.map((h) => h.replace("*", ""))).toEqual(EXCEL_COLUMNS.map((c) => c.header));
    expect(tpl.getWorksheet("下拉列表")!.state).toBe("veryHidden");
    expect(tpl.getWorksheet("台账")!.getCell("P3").dataValidation).toMatchObject({ type: "list" });

    const chunks: Buffer[] = [];
    for await (const c of exportLedger(database.db, { kind: "enterprise", orgId: station().orgId }, { q: "INTX" })) chunks.push(c as Buffer);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(Buffer.concat(chunks) as never);
    const ws = exported.getWorksheet("台账")!;
    expect((ws.getRow(1).values as string[]).slice(1, EXCEL_COLUMNS.length + 1)).toEqual(headers);
    expect(ws.actualRowCount).toBe(38);
    // Re-importing the export: every row is already in the ledger (R-LED-1).
    const back = await checkLedgerFile(database.db, station().orgId, { name: "export.xlsx", bytes: new Uint8Array(Buffer.concat(chunks)) });
    expect(back.validRows).toBe(0);
    expect(back.errors).toHaveLength(37);
    expect(back.errors[0]!.message).toContain("台账中已有");
    // issue 9 #14: the existing record is named by what users know, not by a database id.
    expect(back.errors[0]!.message).toMatch(/出厂编号 INTX/);
    expect(back.errors.filter((e) => /（编号 \d+）/.test(e.message))).toEqual([]);
  });
});
