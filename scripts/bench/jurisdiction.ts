// 申报企业 first page and the institution home figures at 1,000,000 instruments (issue 9 items 9–10).
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server scripts/bench/jurisdiction.ts [rows] [runs]
// The data set is the generator's (scripts/gen via jurisdiction-data.ts), `qjt_gen_1m` for a million, built once
// and reused; opening it applies any new migration. Figures go to the harness table (scripts/bench/report.ts).
// Each call goes through the tRPC caller with a fresh context (the session user is re-read, as over HTTP),
// alternating with a baseline call (profile.get: the session read plus one primary-key lookup).
import { eq, sql as dsql } from "drizzle-orm";
import { createCaller } from "../../src/server/api/root";
import { createContext } from "../../src/server/api/trpc";
import type { DB } from "../../src/server/db/open";
import { users } from "../../src/server/db/schema";
import { openBenchDataSet } from "./jurisdiction-data";
import { alternate, report } from "./report";

const TARGET_MS = 50;

async function main() {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? process.env.BENCH_RUNS ?? 30);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_URL (the benchmark runs on PostgreSQL)");
  const database = await openBenchDataSet(url, rows);
  try {
    await measure(database.db, runs, rows);
  } finally {
    await database.close();
  }
}

async function measure(db: DB, runs: number, rows: number) {
  const idOf = async (username: string) => (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  const callerFor = async (username: string) => {
    const userId = await idOf(username);
    return async () => createCaller(await createContext({ db, userId, sessionVersion: null, ip: "127.0.0.1" }));
  };
  const [{ n }] = (await db.execute(dsql`select count(*)::int as n from instruments`)) as unknown as [{ n: number }];
  console.log(`instruments: ${n}; ${runs} runs each, alternating with the baseline; median ms (ratio to baseline)`);

  const entries: [string, string, (c: Awaited<ReturnType<Awaited<ReturnType<typeof callerFor>>>>) => Promise<unknown>][] = [];
  for (const who of ["gzjly", "byjls", "sqjg"]) {
    entries.push([`申报企业 first page (${who})`, who, (c) => c.jurisdiction.enterprises({ limit: 50 })]);
    entries.push([`institution home figures (${who})`, who, (c) => c.me.home()]);
  }
  for (const [label, who, call] of entries) {
    const caller = await callerFor(who);
    const baseline = async () => (await caller()).profile.get();
    const measured = async () => call(await caller());
    const { ms: mm, baselineMs: mb } = await alternate(measured, baseline, runs); // its warm-up fills plan caches and connections
    report({ figure: label, value: mm, unit: "ms", baseline: mb, baselineLabel: "profile.get (session + one primary-key read)", target: `< ${TARGET_MS} ms`, met: mm < TARGET_MS, instruments: rows });
    console.log(`${label.padEnd(34)} ${mm.toFixed(1).padStart(8)} ms  ${(mm / mb).toFixed(1).padStart(6)}×   baseline ${mb.toFixed(1)} ms   ${mm < TARGET_MS ? "ok" : `OVER ${TARGET_MS} ms`}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
