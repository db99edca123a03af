// Issue 12 item 1: the dashboard and the 辖区 counts from the statistics layer at 1,000,000 instruments, beside
// the naive GROUP BY over the instruments measured in the same run, and the layer's backfill time.
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server scripts/bench/statistics.ts [instruments]
// Uses the generator's data set (scripts/gen/dataset.ts, `qjt_gen_1m` for a million, built on first
// use; BENCH_DB names a copy of it instead); BENCH_RUNS repetitions (default 20). Prints a table (scope, layer ms, naive ms, ratio, target met?) and
// writes the same figures to bench/results/statistics-<date>.json. BENCH_SKIP_BACKFILL=1 skips timing the
// migration's backfill (about half a minute).
import { eq, sql as dsql, type SQL } from "drizzle-orm";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import postgres from "postgres";
import { chinaToday } from "../../src/lib/china-day";
import { createCaller } from "../../src/server/api/root";
import { createContext } from "../../src/server/api/trpc";
import type { DB } from "../../src/server/db/open";
import { openGenDataSet } from "../gen/dataset";
import { instruments, users } from "../../src/server/db/schema";
import { loadSessionUser } from "../../src/server/auth/session-user";
import { locatedRecordScope, scopeOf } from "../../src/server/authz/scope";
import { bucketWhere, BUCKETS } from "../../src/server/domain/filing/buckets";
import { report as reportRow } from "./report";

const TARGET_MS = 50;
const SPEEDUP = 15;
/** Seconds a naive baseline may take in all (its runs are cut to fit, at least 3). */
const NAIVE_BUDGET_S = Number(process.env.BENCH_NAIVE_BUDGET_S ?? 60);
/** The instrument cell tables, filled by the triggers' statements (migrations 0009, 0019, 0022 and 0025). */
const CELL_TABLES = ["stat_instrument_cells", "stat_region_cells", "stat_city_cells", "stat_enterprise_cells", "stat_enterprise_region_cells", "stat_enterprise_totals", "stat_enterprise_filing", "stat_institution_totals", "stat_institution_enterprises", "stat_institution_cells", "stat_institution_region_cells", "stat_ledger_cells"];

type Row = { scope: string; layerMs: number; naiveMs: number | null; ratio: number | null; met: boolean; note: string };

async function main() {
  const size = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 20);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_URL (the benchmark runs on PostgreSQL)");
  const t0 = performance.now();
  const { database, url: target } = await openGenDataSet({ url, instruments: size, dbName: process.env.BENCH_DB || undefined });
  const dbName = new URL(target).pathname.slice(1);
  console.log(`opened ${dbName} (pending migrations applied) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const raw = postgres(target, { max: 1, onnotice: () => {} });
  try {
    const [row] = await raw<{ n: number }[]>`select count(*)::int as n from instruments`;
    const n = row!.n;
    const load = loadavg().map((x) => Number(x.toFixed(1)));
    console.log(`instruments: ${n}; median of ${runs} runs each; load average ${load.join(" ")}`);
    // Fresh planner statistics and visibility maps for the cells (a just-migrated table has neither).
    for (const t of CELL_TABLES) await raw.unsafe(`vacuum analyze ${t}`);
    await raw.unsafe(`vacuum analyze stat_verification_cells`);
    const backfillS = process.env.BENCH_SKIP_BACKFILL ? null : await backfill(raw);
    const rows = await report(database.db, runs);
    const when = new Date().toISOString();
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/statistics-${when.slice(0, 10)}.json`;
    writeFileSync(file, `${JSON.stringify({ bench: "statistics", when, database: dbName, instruments: n, runs, loadAverage: load, targetMs: TARGET_MS, speedup: SPEEDUP, backfillSeconds: backfillS, rows }, null, 2)}\n`);
    console.log(`written ${file}`);
  } finally {
    await raw.end();
    await database.close();
  }
}

/** The migration's backfill, timed inside a transaction that is rolled back (the cells stay as they are). */
async function backfill(raw: postgres.Sql) {
  let seconds = 0;
  await raw
    .begin(async (tx) => {
      await tx.unsafe(`truncate ${CELL_TABLES.join(", ")}`);
      const t = performance.now();
      await tx.unsafe(`do $do$ begin execute stat_instruments_sql('SELECT *, 1 AS s FROM instruments'); end $do$`);
      await tx.unsafe(`select stat_institution_cells_backfill()`);
      await tx.unsafe(`do $do$ begin execute stat_ledger_sql('SELECT enterprise_id, tags, status, valid_until, 1 AS s FROM instruments'); end $do$`);
      seconds = (performance.now() - t) / 1000;
      const [counted] = await tx.unsafe(`select ${CELL_TABLES.map((t) => `(select count(*) from ${t})`).join(" + ")} as cells`);
      console.log(`backfill of the statistics layer (the triggers' statement over all instruments): ${seconds.toFixed(1)} s, ${counted!.cells} cells`);
      throw new Error("rollback");
    })
    .catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
  return Number(seconds.toFixed(1));
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
  /** As `time`, but a slow baseline (seconds at 10M) takes only as many runs as fit in NAIVE_BUDGET_S, at least 3. */
  const timeBounded = async (f: () => Promise<unknown>) => {
    let s = performance.now();
    await f();
    const n = Math.min(runs, Math.max(3, Math.floor((NAIVE_BUDGET_S * 1000) / (performance.now() - s))));
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      s = performance.now();
      await f();
      xs.push(performance.now() - s);
    }
    return { ms: median(xs), runs: n };
  };
  const out: Row[] = [];
  const levels = [
    { label: "province dashboard (gdscjg, 44)", who: "gdscjg", where: dsql`${instruments.provinceCode} = '44'`, child: dsql`${instruments.cityCode}` },
    { label: "city dashboard (gzscjg, 4401)", who: "gzscjg", where: dsql`${instruments.cityCode} = '4401'`, child: dsql`${instruments.countyCode}` },
    { label: "county dashboard (byscjg, 440111)", who: "byscjg", where: dsql`${instruments.countyCode} = '440111'`, child: dsql`${instruments.enterpriseId}` },
  ];
  for (const l of levels) {
    const c = await (await callerFor(l.who))();
    const first = await c.statistics.dashboard({ period: "year" });
    const layer = await time(() => c.statistics.dashboard({ period: "year" }));
    const charts = await time(() => c.statistics.breakdown({ period: "year" }));
    const base = await time(naive(l.where, l.child));
    const rows = first.enterpriseCount === null ? `${first.rows.length} rows` : `${first.rows.length} of ${first.enterpriseCount} enterprises (page 1)`;
    out.push({ scope: l.label, layerMs: round(layer), naiveMs: round(base), ratio: round(base / layer), met: layer < TARGET_MS && base / layer >= SPEEDUP, note: `${rows}; charts ${charts.toFixed(1)} ms` });
  }
  for (const who of ["gzjly", "byjls", "sqjg"]) {
    const c = await (await callerFor(who))();
    const layer = await time(() => c.jurisdiction.counts());
    const home = await time(() => c.me.home());
    // The naive baseline: the six bucket counts by one aggregate over the instruments in the caller's own scope
    // (R-SCOPE-2/3, as the list's WHERE clause), what the counts would cost without the statistics layer.
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, who));
    const scope = scopeOf({ user: await loadSessionUser(db, u!.id, null) });
    const base = await timeBounded(naive(locatedRecordScope(scope, instruments), dsql`1`));
    out.push({
      scope: `辖区 counts (${who})`,
      layerMs: round(layer),
      naiveMs: round(base.ms),
      ratio: round(base.ms / layer),
      met: layer < TARGET_MS && base.ms / layer >= SPEEDUP,
      note: `${scope.kind}; home figures ${home.toFixed(1)} ms${base.runs < runs ? `; naive: median of ${base.runs} runs (bounded to ${NAIVE_BUDGET_S} s)` : ""}`,
    });
  }
  const f = await (await callerFor("gzjly"))();
  out.push({ scope: "forecast (gzjly, 13 weeks)", layerMs: round(await time(() => f.statistics.forecast())), naiveMs: null, ratio: null, met: true, note: "no target" });

  const head = ["scope", "layer ms", "naive ms", "ratio", `target (< ${TARGET_MS} ms, ≥ ${SPEEDUP}× naive)`, "note"];
  const cells = out.map((r) => [r.scope, r.layerMs.toFixed(1), r.naiveMs?.toFixed(1) ?? "—", r.ratio === null ? "—" : `${r.ratio.toFixed(1)}×`, r.met ? "met" : "MISSED", r.note]);
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]!))));
  const line = (c: string[]) => c.map((x, i) => (i === 0 || i === c.length - 1 ? x + " ".repeat(widths[i]! - width(x)) : " ".repeat(widths[i]! - width(x)) + x)).join(" | ");
  console.log(["", line(head), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line), ""].join("\n"));
  // The same rows for `npm run bench`'s common table (scripts/bench/report.ts).
  for (const r of out)
    reportRow({ figure: r.scope, value: r.layerMs, unit: "ms", baseline: r.naiveMs, baselineLabel: r.naiveMs === null ? undefined : "naive GROUP BY", target: r.scope.startsWith("forecast") ? undefined : r.naiveMs === null ? `< ${TARGET_MS} ms` : `< ${TARGET_MS} ms and ≥ ${SPEEDUP}× faster`, met: r.scope.startsWith("forecast") ? null : r.met, note: r.note });
  if (out.some((r) => !r.met)) process.exitCode = 1;
  return out;
}

const round = (x: number) => Number(x.toFixed(1));

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
