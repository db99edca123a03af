// Issue 12 item 1: the dashboard and the 辖区 counts from the statistics layer at 1,000,000 instruments, beside
// the naive GROUP BY over the instruments measured in the same run, and the layer's backfill time.
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server scripts/bench/statistics.ts [runs]
// Uses the data set of scripts/bench/jurisdiction.ts (`qjt_bench_1m`, built there first by `npm run bench`).
import { eq, sql as dsql, type SQL } from "drizzle-orm";
import { loadavg } from "node:os";
import postgres from "postgres";
import { chinaToday } from "../../src/lib/china-day";
import { createCaller } from "../../src/server/api/root";
import { createContext } from "../../src/server/api/trpc";
import { openDb, type DB } from "../../src/server/db/open";
import { instruments, users } from "../../src/server/db/schema";
import { bucketWhere, BUCKETS } from "../../src/server/domain/filing/buckets";

const TARGET_MS = 50;
const SPEEDUP = 15;

async function main() {
  const runs = Number(process.argv[2] ?? 20);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_URL (the benchmark runs on PostgreSQL)");
  const target = new URL(url);
  target.pathname = "/qjt_bench_1m";
  const t0 = performance.now();
  const database = await openDb({ url: target.toString() });
  console.log(`opened qjt_bench_1m (pending migrations applied) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const raw = postgres(target.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await raw<{ n: number }[]>`select count(*)::int as n from instruments`;
    const n = row!.n;
    console.log(`instruments: ${n}; median of ${runs} runs each; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
    // Fresh planner statistics and visibility maps for the cells (a just-migrated table has neither).
    for (const t of ["stat_instrument_cells", "stat_region_cells", "stat_city_cells", "stat_enterprise_cells", "stat_enterprise_region_cells", "stat_verification_cells"]) await raw.unsafe(`vacuum analyze ${t}`);
    await backfill(raw);
    await report(database.db, runs);
  } finally {
    await raw.end();
    await database.close();
  }
}

/** The migration's backfill, timed inside a transaction that is rolled back (the cells stay as they are). */
async function backfill(raw: postgres.Sql) {
  await raw
    .begin(async (tx) => {
      await tx.unsafe(`truncate stat_instrument_cells, stat_region_cells, stat_city_cells, stat_enterprise_cells, stat_enterprise_region_cells`);
      const t = performance.now();
      await tx.unsafe(`do $do$ begin execute stat_instruments_sql('SELECT *, 1 AS s FROM instruments'); end $do$`);
      const [counted] = await tx.unsafe(`select (select count(*) from stat_instrument_cells) + (select count(*) from stat_region_cells) + (select count(*) from stat_enterprise_cells) + (select count(*) from stat_city_cells) + (select count(*) from stat_enterprise_region_cells) as cells`);
      console.log(`backfill of the statistics layer (migration statistics-triggers): ${((performance.now() - t) / 1000).toFixed(1)} s, ${counted!.cells} cells`);
      throw new Error("rollback");
    })
    .catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
}

async function report(db: DB, runs: number) {
  const callerFor = async (username: string) => {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return async () => createCaller(await createContext({ db, userId: u!.id, sessionVersion: null, ip: "127.0.0.1" }));
  };
  const today = chinaToday();
  const cols = { approvedOn: instruments.filingApprovedOn, validUntil: instruments.validUntil, failedSince: instruments.failedSince };
  /** The naive query: the same figures by a GROUP BY over the instruments of the region. */
  const naive = (where: SQL, child: SQL) => () =>
    db
      .select({
        child: dsql`${child}`,
        ...Object.fromEntries(BUCKETS.map((b) => [b, dsql<number>`count(*) filter (where ${bucketWhere(b, today, cols)})::int`])),
        filed: dsql<number>`count(*) filter (where ${instruments.filingStatus} = 'filed')::int`,
      })
      .from(instruments)
      .where(where)
      .groupBy(child);
  const time = async (f: () => Promise<unknown>) => {
    await f();
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await f();
      xs.push(performance.now() - s);
    }
    return median(xs);
  };
  let failed = 0;
  const levels = [
    { label: "province dashboard (gdscjg, 44)", who: "gdscjg", where: dsql`${instruments.provinceCode} = '44'`, child: dsql`${instruments.cityCode}` },
    { label: "city dashboard (gzscjg, 4401)", who: "gzscjg", where: dsql`${instruments.cityCode} = '4401'`, child: dsql`${instruments.countyCode}` },
    { label: "county dashboard (byscjg, 440111)", who: "byscjg", where: dsql`${instruments.countyCode} = '440111'`, child: dsql`${instruments.enterpriseId}` },
  ];
  for (const l of levels) {
    const caller = await callerFor(l.who);
    const c = await caller();
    const layer = await time(() => c.statistics.dashboard({ period: "year" }));
    const charts = await time(() => c.statistics.breakdown({ period: "year" }));
    const base = await time(naive(l.where, l.child));
    const ok = layer < TARGET_MS && base / layer >= SPEEDUP;
    if (!ok) failed++;
    console.log(
      `${l.label.padEnd(36)} layer ${layer.toFixed(1).padStart(7)} ms   naive GROUP BY ${base.toFixed(1).padStart(7)} ms   ${(base / layer).toFixed(1).padStart(6)}×   ${ok ? "ok" : `MISSED (< ${TARGET_MS} ms and ≥ ${SPEEDUP}×)`}   charts ${charts.toFixed(1)} ms`,
    );
  }
  for (const who of ["gzjly", "byjls", "sqjg"]) {
    const c = await (await callerFor(who))();
    const layer = await time(() => c.jurisdiction.counts());
    const home = await time(() => c.me.home());
    if (layer >= TARGET_MS) failed++;
    console.log(`辖区 counts (${who})`.padEnd(36) + ` layer ${layer.toFixed(1).padStart(7)} ms   ${layer < TARGET_MS ? "ok" : `OVER ${TARGET_MS} ms`}   home figures ${home.toFixed(1)} ms`);
  }
  const f = await (await callerFor("gzjly"))();
  console.log(`forecast (gzjly, 13 weeks)`.padEnd(36) + ` ${(await time(() => f.statistics.forecast())).toFixed(1).padStart(7)} ms`);
  if (failed) process.exitCode = 1;
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
