// Issue 14 item 3: the ledger's trigram / tag index paths return exactly the right rows, and a file of more
// than the old 20,000-row cap imports (streaming). Speed is measured in `npm run bench`, never here.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq, like, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Tx } from "@/server/db/open";
import { rowsOf } from "@/server/db/rows";
import { auditLog, departments, instruments, ledgerImports } from "@/server/db/schema";
import { EXCEL_COLUMNS } from "@/server/domain/ledger/excel-columns";
import { checkLedgerFile, importLedgerFile } from "@/server/services/ledger/import-ledger";
import { ledgerWhere } from "@/server/services/ledger/list-filter";
import { COMMON_HITS, COUNT_CAP, COUNT_WINDOW, countInstruments, listInstruments, SEARCH_COUNT_CAP } from "@/server/services/ledger/list-instruments";
import { type Cells, goodRow, writeLedgerWorkbookFile } from "../scripts/ledger/sample-file";
import { openTestDb } from "./helpers/db";
import { callerAs, type Fixtures, loadFixtures } from "./helpers/fixtures";

const SEARCH = "instruments_enterprise_search_idx";
const TAGS = "instruments_enterprise_tags_idx";
const SHORT = "instruments_enterprise_short_search_idx";
let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

/** Rows of both demo enterprises with searchable text; the hospital's rows carry the same words. */
async function seedSearchRows() {
  const station = fx.org.stationEnterprise!;
  const hospital = fx.org.hospitalEnterprise!;
  await database.db.execute(sql`
    insert into instruments (enterprise_id, name, model, serial_no, manufacturer, install_location, province_code, city_code, county_code,
      status, purpose, method, kind_id, tags, manufacturer_norm, serial_norm)
    select e, case when g % 3 = 0 then '燃油加油机' else '搜索测试枪' || (g % 7) end, 'M', 'TRG-' || e || '-' || g,
      case when g % 5 = 0 then '粤海计量器具厂' else 'Acme 厂' || (g % 11) end, '1号岛', '44', '4401', '440111',
      'in_use', 'trade', 'on_site', ${fx.kind["燃油加油机"]!},
      case when e = ${hospital} and g % 4 = 0 then array['仅医院标签'] when g % 6 = 0 then array['共用标签'] else array[]::text[] end,
      'x', 'trg-' || e || '-' || g
    from generate_series(1, 300) g cross join (values (${station}::bigint), (${hospital}::bigint)) v(e)`);
  await database.db.execute(sql`analyze instruments`);
}

/**
 * Runs `fn` where the index `keep` is the only way in: in a transaction that drops every
 * other index of instruments (rolled back afterwards) and turns sequential and plain index scans off.
 */
async function viaIndex<T>(keep: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let out: { value: T } | null = null;
  await database.db
    .transaction(async (tx) => {
      const others = rowsOf<{ name: string }>(
        await tx.execute(sql`select indexname as name from pg_indexes where tablename = 'instruments'
          and indexname <> ${keep}
          and indexname not in (select conname from pg_constraint where conrelid = 'instruments'::regclass)`),
      );
      for (const o of others) await tx.execute(sql.raw(`drop index "${o.name}"`));
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_indexscan = off`);
      await tx.execute(sql`set local enable_indexonlyscan = off`);
      out = { value: await fn(tx) };
      tx.rollback();
    })
    .catch((e: unknown) => {
      if (!out) throw e;
    });
  return (out as { value: T } | null)!.value;
}

/** The expected rows: substring of serial, name or manufacturer, case-insensitive, in the caller's enterprise. */
async function expected(orgId: number, q: string) {
  const all = await database.db.select({ id: instruments.id, serialNo: instruments.serialNo, name: instruments.name, manufacturer: instruments.manufacturer }).from(instruments).where(eq(instruments.enterpriseId, orgId));
  const needle = q.toLowerCase();
  return all.filter((r) => [r.serialNo, r.name, r.manufacturer].some((v) => v.toLowerCase().includes(needle))).map((r) => r.id).sort((a, b) => a - b);
}

const allPages = async (tx: Tx, orgId: number, f: { q?: string; name?: string; tag?: string }) => {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listInstruments>> = await listInstruments(tx, { kind: "enterprise", orgId }, { ...f, sort: "newest", limit: 200, cursor });
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids.sort((a, b) => a - b);
};

describe("ledger search on the enterprise-scoped GIN indexes (issue 14 item 3, R-LED-6)", () => {
  beforeAll(seedSearchRows);

  it("R-LED-6 R-SCOPE-1 a search of 3+ characters goes through the trigram index and returns exactly the caller's matching rows", async () => {
    const station = fx.org.stationEnterprise!;
    const q = `TRG-${station}-12`; // 11 of the enterprise's 300 rows
    // The WHERE clause the list, its counts and the export share.
    const plan = await viaIndex(SEARCH, async (tx) =>
      rowsOf<Record<string, string>>(
        await tx.execute(sql`explain ${tx.select({ id: instruments.id }).from(instruments).where(ledgerWhere({ kind: "enterprise", orgId: station }, { q }, "2026-12-01"))}`),
      )
        .map((r) => Object.values(r)[0])
        .join("\n"),
    );
    expect(plan).toContain(SEARCH);
    expect(plan).toMatch(/Index Cond: .*~~\*/); // the trigram column answers, not just enterprise_id
    for (const q of ["搜索测试", "粤海计量", "acme 厂1", `TRG-${station}-12`, "燃油加油", "不存在的词"]) {
      const want = await expected(station, q);
      const got = await viaIndex(SEARCH, (tx) => allPages(tx, station, { q }));
      expect(got, q).toEqual(want);
      expect((await viaIndex(SEARCH, (tx) => countInstruments(tx, { kind: "enterprise", orgId: station }, { q }))).total, q).toBe(want.length);
    }
    // The hospital's rows carry the same words: none of them reaches the station's search.
    const hospitalIds = new Set((await database.db.select({ id: instruments.id }).from(instruments).where(eq(instruments.enterpriseId, fx.org.hospitalEnterprise!))).map((r) => r.id));
    const got = await viaIndex(SEARCH, (tx) => allPages(tx, station, { q: "粤海计量" }));
    expect(got.length).toBeGreaterThan(0);
    expect(got.filter((id) => hospitalIds.has(id))).toEqual([]);
  });

  it("R-LED-6 searches of 1–2 characters (no trigram) are still exact substring matches", async () => {
    const station = fx.org.stationEnterprise!;
    for (const q of ["粤", "厂1", "g-", "燃油"]) {
      expect(await allPages(database.db as unknown as Tx, station, { q }), q).toEqual(await expected(station, q));
    }
  });

  it("R-LED-6 R-SCOPE-1 a search of 1–2 characters goes through the short-gram index: exact, case-insensitive, the caller's rows only", async () => {
    const station = fx.org.stationEnterprise!;
    const plan = await viaIndex(SHORT, async (tx) =>
      rowsOf<Record<string, string>>(
        await tx.execute(sql`explain ${tx.select({ id: instruments.id }).from(instruments).where(ledgerWhere({ kind: "enterprise", orgId: station }, { q: "燃油" }, "2026-12-01"))}`),
      )
        .map((r) => Object.values(r)[0])
        .join("\n"),
    );
    expect(plan).toContain(SHORT);
    expect(plan).toMatch(/Index Cond: .*ledger_short_grams.*@>/);
    // One character, a pair, a pair across two characters of a serial, upper case for lower-case text and back,
    // a pair that would span the space joining two columns (none), and words no row holds.
    for (const q of ["粤", "厂1", "g-", "G-", "cm", "燃油", "机粤", "柴油", "Ω"]) {
      const want = await expected(station, q);
      expect(await viaIndex(SHORT, (tx) => allPages(tx, station, { q })), q).toEqual(want);
      expect((await viaIndex(SHORT, (tx) => countInstruments(tx, { kind: "enterprise", orgId: station }, { q }))).total, q).toBe(want.length);
    }
    // The name filter of 1–2 characters uses it too, and tests the name alone.
    const names = await viaIndex(SHORT, (tx) => allPages(tx, station, { name: "加油" }));
    const wantNames = (await database.db.select({ id: instruments.id, name: instruments.name }).from(instruments).where(eq(instruments.enterpriseId, station)))
      .filter((r) => r.name.includes("加油"))
      .map((r) => r.id)
      .sort((a, b) => a - b);
    expect(wantNames.length).toBeGreaterThan(0);
    expect(names).toEqual(wantNames);
    const hospitalIds = new Set((await database.db.select({ id: instruments.id }).from(instruments).where(eq(instruments.enterpriseId, fx.org.hospitalEnterprise!))).map((r) => r.id));
    const got = await viaIndex(SHORT, (tx) => allPages(tx, station, { q: "粤海" }));
    expect(got.length).toBeGreaterThan(0);
    expect(got.filter((id) => hospitalIds.has(id))).toEqual([]);
  });

  it("R-LED-6 R-LED-4 a search's counts are exact up to the cap and then say only 'cap 以上', by whichever path counts them", async () => {
    const station = fx.org.stationEnterprise!;
    const scope = { kind: "enterprise" as const, orgId: station };
    // Validity for some of the search rows: due in 10 days, overdue since 10 days, in the station's enterprise.
    const { addDays, chinaToday } = await import("@/lib/china-day");
    const today = chinaToday();
    await database.db.execute(sql`update instruments set valid_until = case when id % 3 = 0 then ${addDays(today, 10)}::date when id % 3 = 1 then ${addDays(today, -10)}::date else null end
      where enterprise_id = ${station} and serial_no like 'TRG-%'`);
    const exact = async (where: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from instruments where enterprise_id = ${station} and ${where}`))[0]!.n);
    const all = await exact(sql`true`);
    expect(all).toBeGreaterThan(300);
    // A caseless search (LIKE, 200 of the 300 rows), one with letters (ILIKE, every 11th maker), a rare one.
    for (const [q, like] of [["搜索测试", "%搜索测试%"], ["acme 厂1", "%acme 厂1%"], [`TRG-${station}-12`, `%TRG-${station}-12%`]] as const) {
      const m = sql`(name ilike ${like} or serial_no ilike ${like} or manufacturer ilike ${like})`;
      const want = {
        total: await exact(m),
        due: await exact(sql`${m} and valid_until between ${today}::date and ${addDays(today, 30)}::date`),
        overdue: await exact(sql`${m} and valid_until < ${today}::date`),
      };
      expect(want.total, q).toBeGreaterThan(0);
      // probeRows: the whole enterprise probed; a window and a probe of part of it; the GIN index alone.
      for (const probeRows of [all + 1, all - 1, 150, 1]) {
        for (const cap of [1, 10, want.total - 1, want.total, want.total + 1].filter((c) => c > 0)) {
          const got = await countInstruments(database.db, scope, { q }, { cap, probeRows });
          // Exact, or capped: "以上" a number the true one reaches (the cap, or a probe's lower bound), never past the cap.
          const honest = got.capped ? { total: Math.min(got.total, cap, want.total), due: null, overdue: null, capped: true } : { ...want, capped: false };
          expect({ q, probeRows, cap, got }).toEqual({ q, probeRows, cap, got: honest });
          if (probeRows > all) expect({ q, cap, got }).toEqual({ q, cap, got: want.total > cap ? { total: cap, due: null, overdue: null, capped: true } : { ...want, capped: false } });
        }
      }
      expect(await countInstruments(database.db, scope, { q })).toEqual({ ...want, capped: false });
    }
    // Matches crowded into the newest rows: 30 new rows and the 30 oldest search rows. The window (COUNT_WINDOW = 200
    // newest rows) sees 30, a common term (COMMON_HITS): a probe of 250 rows finds 30 of them, and says "30 以上"
    // (true: there are 60) unless the cap is lower. A term the window sees 1–3 times is counted through its index.
    await database.db.execute(sql`update instruments set manufacturer = '偏斜厂' where id in (
      select id from instruments where enterprise_id = ${station} and serial_no like 'TRG-%' order by id limit 30)`);
    await database.db.execute(sql`insert into instruments (enterprise_id, name, model, serial_no, manufacturer, install_location, province_code, city_code, county_code,
        status, purpose, method, kind_id, manufacturer_norm, serial_norm)
      select ${station}, '新器具', 'M', 'NEW-' || g, '偏斜厂', '1号岛', '44', '4401', '440111', 'in_use', 'trade', 'on_site', ${fx.kind["燃油加油机"]!}, 'x', 'new-' || g
      from generate_series(1, 30) g`);
    expect(COUNT_WINDOW).toBe(200);
    const skew = (cap: number) => countInstruments(database.db, scope, { q: "偏斜厂" }, { cap, probeRows: 250 });
    expect(COMMON_HITS).toBeLessThanOrEqual(30);
    expect(await skew(36)).toEqual({ total: 30, due: null, overdue: null, capped: true });
    expect(await skew(20)).toEqual({ total: 20, due: null, overdue: null, capped: true });
    expect(await skew(100)).toEqual({ total: 30, due: null, overdue: null, capped: true });
    // Whole enterprise within the probe: exact.
    expect(await countInstruments(database.db, scope, { q: "偏斜厂" }, { cap: 100, probeRows: all + 100 })).toMatchObject({ total: 60, capped: false });
    // Rare in the window (one of the 30 new rows keeps the term, the rest renamed): the index counts all of them.
    await database.db.execute(sql`update instruments set manufacturer = '其他厂' where enterprise_id = ${station} and serial_no like 'NEW-%' and serial_no <> 'NEW-1'`);
    expect(await countInstruments(database.db, scope, { q: "偏斜厂" }, { cap: 100, probeRows: 250 })).toMatchObject({ total: 31, capped: false });
    expect(await countInstruments(database.db, scope, { q: "偏斜厂" }, { cap: 30, probeRows: 250 })).toEqual({ total: 30, due: null, overdue: null, capped: true });
    expect(SEARCH_COUNT_CAP).toBeGreaterThanOrEqual(1000);
    expect(COUNT_CAP).toBeGreaterThanOrEqual(SEARCH_COUNT_CAP);
    // A filter an index counts (kind) is capped the same way; no filter is exact whatever the cap (count cells).
    const kind = fx.kind["燃油加油机"]!;
    const kindTotal = await exact(sql`kind_id = ${kind}`);
    expect(await countInstruments(database.db, scope, { kindId: kind }, { cap: kindTotal - 1 })).toEqual({ total: kindTotal - 1, due: null, overdue: null, capped: true });
    expect((await countInstruments(database.db, scope, { kindId: kind }, { cap: kindTotal })).total).toBe(kindTotal);
    const none = await countInstruments(database.db, scope, {}, { cap: 20 });
    expect(none).toEqual({
      total: all + 30,
      due: await exact(sql`valid_until between ${today}::date and ${addDays(today, 30)}::date`),
      overdue: await exact(sql`valid_until < ${today}::date`),
      capped: false,
    });
  });

  it("R-LED-6 R-SCOPE-1 a tag used only by another enterprise finds nothing; a shared tag finds only the caller's rows", async () => {
    const station = fx.org.stationEnterprise!;
    const hospital = fx.org.hospitalEnterprise!;
    const plan = await viaIndex(TAGS, async (tx) =>
      rowsOf<Record<string, string>>(
        await tx.execute(sql`explain ${tx.select({ id: instruments.id }).from(instruments).where(ledgerWhere({ kind: "enterprise", orgId: station }, { tag: "仅医院标签" }, "2026-12-01"))}`),
      )
        .map((r) => Object.values(r)[0])
        .join("\n"),
    );
    expect(plan).toContain(TAGS);
    expect(plan).toMatch(/Index Cond: .*tags @>/);
    expect(await viaIndex(TAGS, (tx) => allPages(tx, station, { tag: "仅医院标签" }))).toEqual([]);
    expect(await viaIndex(TAGS, (tx) => allPages(tx, hospital, { tag: "仅医院标签" }))).toHaveLength(75);
    const shared = await viaIndex(TAGS, (tx) => allPages(tx, station, { tag: "共用标签" }));
    const want = (await database.db.select({ id: instruments.id }).from(instruments).where(sql`${instruments.enterpriseId} = ${station} and ${instruments.tags} @> array['共用标签']`)).map((r) => r.id).sort((a, b) => a - b);
    expect(shared).toEqual(want);
    expect(shared).toHaveLength(50);
  });
});

describe("streaming Excel import above the old 20,000-row cap (issue 14 item 3, R-LED-5)", () => {
  it("R-LED-5 a 25,000-row file (written streaming, as our export is) imports in one transaction, each row with its audit row", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qjt-import-"));
    try {
      const file = path.join(dir, "big.xlsx");
      await writeLedgerWorkbookFile(file, 25_000, "BIG25K");
      const actor = { userId: fx.user.jyzqy!, orgId: fx.org.stationEnterprise!, ip: null };
      const r = await importLedgerFile(database.db, actor, { name: "big.xlsx", bytes: new Uint8Array(readFileSync(file)) });
      expect(r).toMatchObject({ totalRows: 25_000, validRows: 25_000, inserted: 25_000, errorCount: 0, alreadyImported: false });
      const [n] = await database.db.select({ n: count() }).from(instruments).where(sql`${instruments.serialNo} like 'BIG25K-%' and ${instruments.enterpriseId} = ${actor.orgId}`);
      expect(n!.n).toBe(25_000);
      const [a] = await database.db.select({ n: count() }).from(auditLog).where(sql`${auditLog.action} = 'instrument.import' and ${auditLog.after}->>'importId' = ${String(r.importId)}`);
      expect(a!.n).toBe(25_000);
      // The last row keeps its file row number (header is row 1).
      const [last] = rowsOf<{ row: number }>(
        await database.db.execute(sql`select (a.after->>'row')::int as row from audit_log a join instruments i on a.entity_id = i.id::text
          where a.action = 'instrument.import' and i.serial_no = 'BIG25K-025000'`),
      );
      expect(Number(last!.row)).toBe(25_001);
      const [batch] = await database.db.select().from(ledgerImports).where(eq(ledgerImports.id, r.importId!));
      expect(batch!.rowCount).toBe(25_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

/** A workbook written streaming and stored (not deflated), so a test can alter its sheet XML in place. */
async function storedWorkbook(file: string, rows: Cells[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false, zip: { store: true } });
  const ws = wb.addWorksheet("台账");
  ws.addRow(EXCEL_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header))).commit();
  for (const r of rows) ws.addRow(EXCEL_COLUMNS.map((c) => r[c.header] ?? "")).commit();
  ws.commit();
  await wb.commit();
  return readFileSync(file);
}

describe("import batches written while the file is still read (issue 14 item 3, R-LED-5, R-LED-1)", () => {
  // 4,500 rows = three batches of the import (2,000 rows each): each batch's look-up and write run while the
  // next batch is read.
  const N = 4_500;
  const station = () => ({ userId: fx.user.jyzqy!, orgId: fx.org.stationEnterprise!, ip: null });
  const countOf = async (prefix: string) =>
    (await database.db.select({ n: count() }).from(instruments).where(and(eq(instruments.enterpriseId, station().orgId), like(instruments.serialNo, `${prefix}-%`))))[0]!.n;

  it("R-LED-5 R-LED-1 errors of every batch come out in row order, the same at preview and confirm; only valid rows are written, each with its audit row", async () => {
    const P = "PIPE";
    const rows = Array.from({ length: N }, (_, i) => goodRow(i + 1, P));
    rows[2_499]!["器具名称"] = ""; // batch 2: a row check fails
    rows[4_449]!["出厂编号"] = rows[19]!["出厂编号"]!; // batch 3 repeats a row of batch 1
    rows[4_399]!["部门"] = "仅重复行部门"; // only on a row already in the ledger: never created
    for (let i = 4_000; i < N; i++) if (i !== 4_399) rows[i]!["部门"] = "第三批部门";
    // Rows of batch 1 and batch 3 are already in the ledger.
    const api = await callerAs(database.db, "jyzqy");
    for (const n of [10, 4_400]) {
      const r = rows[n - 1]!;
      await api.ledger.create({ name: "燃油加油机", model: "M", serialNo: String(r["出厂编号"]), manufacturer: String(r["生产厂家"]), installLocation: "1号岛", countyCode: "440111", purpose: "trade", method: "on_site", kindId: fx.kind["燃油加油机"]! });
    }
    const dir = mkdtempSync(path.join(tmpdir(), "qjt-import-"));
    try {
      const bytes = new Uint8Array(await storedWorkbook(path.join(dir, "pipe.xlsx"), rows));
      const check = await checkLedgerFile(database.db, station().orgId, { name: "pipe.xlsx", bytes });
      expect(check).toMatchObject({ totalRows: N, validRows: N - 4, errorRows: 4 });
      expect(check.errors.map((e) => [e.row, e.column])).toEqual([
        [11, "出厂编号"],
        [2_501, "器具名称"],
        [4_401, "出厂编号"],
        [4_451, "出厂编号"],
      ]);
      expect(check.errors[0]!.message).toContain("台账中已有");
      expect(check.errors[3]!.message).toContain("与第 21 行");
      const writes: number[] = [];
      const r = await importLedgerFile(database.db, station(), { name: "pipe.xlsx", bytes }, (phase, done) => {
        if (phase === "write") writes.push(done);
      });
      expect(r).toMatchObject({ inserted: N - 4, validRows: N - 4, errorRows: 4, alreadyImported: false });
      expect(r.errors).toEqual(check.errors);
      expect(writes.length).toBeGreaterThanOrEqual(3); // one per batch, and the end
      expect(await countOf(P)).toBe(N - 4 + 2);
      const audited = rowsOf<{ row: number; serial: string }>(
        await database.db.execute(sql`select (a.after->>'row')::int as row, i.serial_no as serial from audit_log a join instruments i on a.entity_id = i.id::text
          where a.action = 'instrument.import' and a.after->>'importId' = ${String(r.importId)} order by i.id`),
      );
      expect(audited).toHaveLength(N - 4);
      // In file order, each with its own file row.
      expect(audited.every((a, i) => i === 0 || Number(a.row) > Number(audited[i - 1]!.row))).toBe(true);
      expect(audited.every((a) => a.serial === rows[Number(a.row) - 2]!["出厂编号"])).toBe(true);
      const depts = await database.db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.orgId, station().orgId));
      expect(depts.map((d) => d.name)).toContain("第三批部门");
      expect(depts.map((d) => d.name)).not.toContain("仅重复行部门");
      const third = depts.find((d) => d.name === "第三批部门")!;
      const [inThird] = await database.db.select({ n: count() }).from(instruments).where(eq(instruments.departmentId, third.id));
      expect(inThird!.n).toBe(N - 4_000 - 2); // less the ledger duplicate and the file duplicate
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("R-LED-5 all or nothing: a sheet that breaks after two batches were written leaves no row, no import, no department, no audit row", async () => {
    const P = "PIPEBRK";
    const rows = Array.from({ length: N }, (_, i) => ({ ...goodRow(i + 1, P), 部门: "断流部门" }));
    const dir = mkdtempSync(path.join(tmpdir(), "qjt-import-"));
    try {
      const buf = await storedWorkbook(path.join(dir, "broken.xlsx"), rows);
      // Row 4,500's tag loses the quotes of its attribute (same length): the XML breaks there, after the
      // first two batches were read and handed to the database.
      const at = buf.indexOf(`<row r="4500"`);
      expect(at).toBeGreaterThan(0);
      buf.write(`<row r= 4500 `, at, "latin1");
      const bytes = new Uint8Array(buf);
      const writes: number[] = [];
      await expect(
        importLedgerFile(database.db, station(), { name: "broken.xlsx", bytes }, (phase, done) => {
          if (phase === "write") writes.push(done);
        }),
      ).rejects.toMatchObject({ message: expect.stringContaining("无法读取该 Excel 文件") });
      expect(writes.at(-1)).toBeGreaterThanOrEqual(2_000); // rows had been written when the file broke
      expect(await countOf(P)).toBe(0);
      expect(await database.db.select().from(departments).where(eq(departments.name, "断流部门"))).toHaveLength(0);
      const [imports] = await database.db.select({ n: count() }).from(ledgerImports).where(eq(ledgerImports.fileName, "broken.xlsx"));
      expect(imports!.n).toBe(0);
      const [audits] = await database.db.select({ n: count() }).from(auditLog).where(sql`${auditLog.action} = 'department.create' and ${auditLog.after}->>'name' = '断流部门'`);
      expect(audits!.n).toBe(0);
      // The transaction's connection is sound afterwards (no query was sent in the middle of a COPY).
      expect(await countOf(P)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
