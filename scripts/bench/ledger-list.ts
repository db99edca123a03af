// Enterprise ledger at 1,000,000 instruments (issue 14 item 2/3): the largest enterprise (100,000 instruments) of the
// generated data set (scripts/bench/jurisdiction-data.ts) — first page, a deep page, sorts, each filter, tags,
// text search and counts — each against a baseline in the same run: the same rows (same columns and joins)
// fetched by primary key. Server time of the service call, median of `runs`, alternating with the baseline.
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server scripts/bench/ledger-list.ts [rows] [runs]
// LEDGER_BENCH_DB names another copy of the data set (default: the generator's qjt_gen_1m). JSON goes to
// bench/results/ledger-list-<date>-<rows>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import type { LedgerFilter } from "../../src/lib/schemas/ledger";
import type { DB } from "../../src/server/db/open";
import { catalogueItems, catalogueKinds, departments, instruments } from "../../src/server/db/schema";
import { countInstruments, listColumns, listInstruments } from "../../src/server/services/ledger/list-instruments";
import { rowsOf } from "../../src/server/db/rows";
import { openBenchDataSet } from "./jurisdiction-data";
import { alternate, report } from "./report";

const TARGET_MS = 20;

type Row = { label: string; ms: number; baselineMs: number; ratio: number; rows: number; ok: boolean };

async function main() {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? 30);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_URL (the benchmark runs on PostgreSQL)");
  const database = await openBenchDataSet(url, rows, process.env.LEDGER_BENCH_DB || undefined);
  try {
    const results = await measureAll(database.db, runs, rows);
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/ledger-list-${new Date().toISOString().slice(0, 10)}-${rows}.json`;
    writeFileSync(file, `${JSON.stringify({ bench: "ledger-list", instruments: rows, runs, at: new Date().toISOString(), targetMs: TARGET_MS, results }, null, 2)}\n`);
    console.log(`wrote ${file}`);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

async function measureAll(db: DB, runs: number, total: number): Promise<Row[]> {
  // The largest enterprise (100,000 instruments in the 1M data sets) and a tag only other enterprises use.
  const [big] = rowsOf<{ id: number | string; n: number }>(
    await db.execute(sql`select enterprise_id as id, count(*)::int as n from instruments group by 1 order by 2 desc limit 1`),
  );
  if (!big) throw new Error("the bench data set has no instruments");
  const orgId = Number(big.id);
  const scope = { kind: "enterprise" as const, orgId };
  const n = big.n;
  const [otherTag] = rowsOf<{ t: string }>(
    // One pass over the tags (a NOT EXISTS probe per unnested tag ran for over 10 minutes at 1M instruments).
    await db.execute(sql`
    select t from (select unnest(tags) t, enterprise_id from instruments) x
    group by t having bool_and(enterprise_id <> ${orgId}) order by count(*) desc limit 1`),
  );
  const [hereTag] = rowsOf<{ t: string }>(
    await db.execute(sql`select t from (select unnest(tags) t from instruments where enterprise_id = ${orgId}) x group by t order by count(*) desc limit 1`),
  );
  // Search words from the enterprise's own data: one serial (1 row), its most common manufacturer and name.
  const [newest] = await db.select({ serialNo: instruments.serialNo }).from(instruments).where(eq(instruments.enterpriseId, orgId)).orderBy(sql`${instruments.id} desc`).limit(1);
  const [commonName] = rowsOf<{ v: string }>(await db.execute(sql`select name as v from instruments where enterprise_id = ${orgId} group by 1 order by count(*) desc limit 1`));
  const [commonMaker] = rowsOf<{ v: string }>(await db.execute(sql`select manufacturer as v from instruments where enterprise_id = ${orgId} group by 1 order by count(*) desc limit 1`));
  const [kind] = await db.select({ id: instruments.kindId }).from(instruments).where(eq(instruments.enterpriseId, orgId)).limit(1);
  const [region] = await db.select({ code: instruments.countyCode }).from(instruments).where(eq(instruments.enterpriseId, orgId)).limit(1);
  const serial = newest!.serialNo;
  const name3 = [...commonName!.v].slice(0, 3).join("");
  const name2 = [...commonName!.v].slice(0, 2).join("");
  const maker = commonMaker!.v;
  console.log(`enterprise ${orgId}: ${n} instruments; tag here ${hereTag?.t ?? "-"}, only others ${otherTag?.t ?? "-"}; serial ${serial}, name ${commonName!.v}, maker ${maker}; ${runs} runs, median ms`);

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
    const [r] = rowsOf<{ id: number; name: string; v: string }>(
      await db.execute(sql`select id, name, coalesce(valid_until, '9999-12-31'::date)::text as v from instruments where enterprise_id = ${orgId} order by ${order} offset ${Math.floor(n * 0.9)} limit 1`),
    );
    const { encodeCursor } = await import("../../src/server/db/keyset");
    const id = Number(r!.id);
    return encodeCursor(sort === "newest" ? [id] : sort === "name" ? [r!.name, id] : [r!.v, id]);
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
    ["filter region (county)", { ...base, regionCode: region!.code }],
    ["filter bucket=due", { ...base, bucket: "due" }],
    ["filter bucket=overdue", { ...base, bucket: "overdue" }],
    ["tag used here (most common)", { ...base, tag: hereTag?.t ?? "无此标签" }],
    ["tag only other enterprises use", { ...base, tag: otherTag?.t ?? "无此标签" }],
    ["search one serial (1 row)", { ...base, q: serial }],
    ["search most common manufacturer", { ...base, q: maker }],
    ["search 3 chars of the commonest name", { ...base, q: name3 }],
    ["search not here '柴油机' (3 chars)", { ...base, q: "柴油机" }],
    ["search 2 chars of the commonest name", { ...base, q: name2 }],
    ["search 2 chars '柴油'", { ...base, q: "柴油" }],
    ["name filter (3 chars)", { ...base, name: name3 }],
  ];
  const counts: [string, LedgerFilter][] = [
    ["counts, no filter", {}],
    ["counts, search one serial", { q: serial }],
    ["counts, search most common manufacturer", { q: maker }],
    ["counts, search 2 chars '柴油'", { q: "柴油" }],
    ["counts, tag only others use", { tag: otherTag?.t ?? "无此标签" }],
    ["counts, tag used here", { tag: hereTag?.t ?? "无此标签" }],
    ["counts, status=stopped", { status: "stopped" }],
    // Counted from the instruments (capped), not from the count cells.
    ["counts, filter kind", { kindId: kind!.id }],
    ["counts, filter filing=pending", { filingStatus: "pending" }],
    ["counts, filter region (county)", { regionCode: region!.code }],
    ["counts, search 2 chars of the commonest name", { q: name2 }],
    ["counts, tag here + status in use", { tag: hereTag?.t ?? "无此标签", status: "in_use" }],
    ["counts, tag here + kind", { tag: hereTag?.t ?? "无此标签", kindId: kind!.id }],
  ];

  const out: Row[] = [];
  const measure = async (label: string, measured: () => Promise<number>, baseline: () => Promise<unknown>) => {
    const { ms: mm, baselineMs: mb, last: count } = await alternate(measured, baseline, runs);
    const row = { label, ms: round(mm), baselineMs: round(mb), ratio: round(mm / mb), rows: count, ok: mm < TARGET_MS };
    out.push(row);
    report({ figure: `ledger ${label}`, value: row.ms, unit: "ms", baseline: row.baselineMs, baselineLabel: "same rows by primary key", target: `< ${TARGET_MS} ms`, met: row.ok, instruments: total, note: `${count} rows` });
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
