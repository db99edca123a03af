// Enterprise ledger at 1,000,000 instruments (issue 14 item 2/3): the 100,000-instrument enterprise of the
// shared data set (scripts/bench/jurisdiction-data.ts) — first page, a deep page, sorts, each filter, tags,
// text search and counts — each against a baseline in the same run: the same rows (same columns and joins)
// fetched by primary key. Server time of the service call, median of `runs`, alternating with the baseline.
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server scripts/bench/ledger-list.ts [rows] [runs]
// LEDGER_BENCH_DB names another copy of the data set (default: the shared qjt_bench_1m). JSON goes to
// bench/results/ledger-list-<date>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import type { LedgerFilter } from "../../src/lib/schemas/ledger";
import type { DB } from "../../src/server/db/open";
import { catalogueItems, catalogueKinds, departments, instruments, organisations } from "../../src/server/db/schema";
import { countInstruments, listColumns, listInstruments } from "../../src/server/services/ledger/list-instruments";
import { openBenchDataSet } from "./jurisdiction-data";

const TARGET_MS = 20;

type Row = { label: string; ms: number; baselineMs: number; ratio: number; rows: number; ok: boolean };

async function main() {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? 30);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_URL (the benchmark runs on PostgreSQL)");
  const database = await openBenchDataSet(url, rows, process.env.LEDGER_BENCH_DB || undefined);
  try {
    const results = await report(database.db, runs);
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/ledger-list-${new Date().toISOString().slice(0, 10)}.json`;
    writeFileSync(file, `${JSON.stringify({ bench: "ledger-list", instruments: rows, runs, at: new Date().toISOString(), targetMs: TARGET_MS, results }, null, 2)}\n`);
    console.log(`wrote ${file}`);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

async function report(db: DB, runs: number): Promise<Row[]> {
  // The large enterprise (10% of all instruments) and a tag only other (demo) enterprises use.
  const [big] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.uscc, "BENCH-E-02000"));
  if (!big) throw new Error("the bench data set has no large enterprise");
  const scope = { kind: "enterprise" as const, orgId: big.id };
  const [{ n }] = (await db.execute(sql`select count(*)::int as n from instruments where enterprise_id = ${big.id}`)) as unknown as [{ n: number }];
  const [otherTag] = (await db.execute(sql`
    select t from (select unnest(tags) t, enterprise_id from instruments where enterprise_id <> ${big.id} and serial_no not like 'BN-%') x
    group by t having bool_and(enterprise_id <> ${big.id}) and not exists (select 1 from instruments i where i.enterprise_id = ${big.id} and i.tags @> array[t])
    order by count(*) desc limit 1`)) as unknown as [{ t: string } | undefined];
  const [kind] = await db.select({ id: catalogueKinds.id }).from(catalogueKinds).where(eq(catalogueKinds.name, "燃油加油机")).limit(1);
  console.log(`enterprise ${big.id}: ${n} instruments; tag only others use: ${otherTag?.t ?? "(none)"}; ${runs} runs, median ms`);

  // The same page's rows fetched by primary key: same columns and joins, `id in (…)`.
  const byIds = (ids: number[]) =>
    db
      .select(listColumns)
      .from(instruments)
      .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
      .innerJoin(catalogueItems, eq(catalogueItems.id, catalogueKinds.itemId))
      .leftJoin(departments, eq(departments.id, instruments.departmentId))
      .where(ids.length ? inArray(instruments.id, ids) : sql`false`);

  const base = { limit: 20, sort: "newest" as const, cursor: null };
  // A deep page: the cursor of the page that starts about 90,000 rows in, for each sort.
  const deepCursor = async (sort: "newest" | "name" | "validUntil") => {
    const order = sort === "newest" ? sql`id desc` : sort === "name" ? sql`name, id` : sql`coalesce(valid_until, '9999-12-31'::date), id`;
    const [r] = (await db.execute(sql`select id, name, coalesce(valid_until, '9999-12-31'::date)::text as v from instruments where enterprise_id = ${big.id} order by ${order} offset 90000 limit 1`)) as unknown as [{ id: number; name: string; v: string }];
    const { encodeCursor } = await import("../../src/server/db/keyset");
    const id = Number(r.id);
    return encodeCursor(sort === "newest" ? [id] : sort === "name" ? [r.name, id] : [r.v, id]);
  };
  const lists: [string, Parameters<typeof listInstruments>[2]][] = [
    ["first page, newest", base],
    ["deep page (≈90,000th row), newest", { ...base, cursor: await deepCursor("newest") }],
    ["first page, by name", { ...base, sort: "name" }],
    ["deep page, by name", { ...base, sort: "name", cursor: await deepCursor("name") }],
    ["deep page, by valid-until", { ...base, sort: "validUntil", cursor: await deepCursor("validUntil") }],
    ["filter status=stopped", { ...base, status: "stopped" }],
    ["filter filing=pending", { ...base, filingStatus: "pending" }],
    ["filter kind", { ...base, kindId: kind!.id }],
    ["filter region 440111", { ...base, regionCode: "440111" }],
    ["filter bucket=due", { ...base, bucket: "due" }],
    ["filter bucket=overdue", { ...base, bucket: "overdue" }],
    ["tag used here (岛7)", { ...base, tag: "岛7" }],
    [`tag only others use (${otherTag?.t ?? "-"})`, { ...base, tag: otherTag?.t ?? "无此标签" }],
    ["search serial 'BN-999999' (1 row)", { ...base, q: "BN-999999" }],
    ["search '厂家17' (1 in 20 rows)", { ...base, q: "厂家17" }],
    ["search '加油枪4' (common)", { ...base, q: "加油枪4" }],
    ["search not here '柴油机' (3 chars)", { ...base, q: "柴油机" }],
    ["search 2 chars 'BN' (every row)", { ...base, q: "BN" }],
    ["search 2 chars '柴油' (no row here)", { ...base, q: "柴油" }],
    ["name filter '加油枪1'", { ...base, name: "加油枪1" }],
  ];
  const counts: [string, LedgerFilter][] = [
    ["counts, no filter", {}],
    ["counts, search 'BN-999999'", { q: "BN-999999" }],
    ["counts, search '厂家17'", { q: "厂家17" }],
    ["counts, search '加油枪4' (common)", { q: "加油枪4" }],
    ["counts, search 2 chars '柴油'", { q: "柴油" }],
    [`counts, tag only others use`, { tag: otherTag?.t ?? "无此标签" }],
    ["counts, tag 岛7", { tag: "岛7" }],
    ["counts, status=stopped", { status: "stopped" }],
  ];

  const out: Row[] = [];
  const measure = async (label: string, measured: () => Promise<number>, baseline: () => Promise<unknown>) => {
    let count = await measured();
    await baseline();
    const b: number[] = [];
    const m: number[] = [];
    for (let i = 0; i < runs; i++) {
      let s = performance.now();
      await baseline();
      b.push(performance.now() - s);
      s = performance.now();
      count = await measured();
      m.push(performance.now() - s);
    }
    const mm = median(m);
    const mb = median(b);
    const row = { label, ms: round(mm), baselineMs: round(mb), ratio: round(mm / mb), rows: count, ok: mm < TARGET_MS };
    out.push(row);
    console.log(`${label.padEnd(40)} ${mm.toFixed(1).padStart(7)} ms ${(mm / mb).toFixed(1).padStart(6)}×  pk ${mb.toFixed(1)} ms  rows ${String(count).padStart(6)}  ${row.ok ? "ok" : `OVER ${TARGET_MS} ms`}`);
  };
  for (const [label, input] of lists) {
    const page = await listInstruments(db, scope, input);
    const ids = page.items.map((r) => r.id);
    await measure(label, async () => (await listInstruments(db, scope, input)).items.length, () => byIds(ids));
  }
  // Counts against the primary-key fetch of one page of the same filter (what a user waits for on the list).
  for (const [label, f] of counts) {
    const ids = (await listInstruments(db, scope, { ...base, ...f })).items.map((r) => r.id);
    await measure(label, async () => (await countInstruments(db, scope, f)).total, () => byIds(ids));
  }
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;
function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
