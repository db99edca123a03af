// `npm run bench`: the benchmarks, on PostgreSQL (DATABASE_URL, default the local server). The small ones
// create and drop their own database; the 1M-instrument one builds `qjt_bench_1m` once and reuses it.
// Speed is measured here, never in timed tests (nor in `npm test` / CI).
import { spawnSync } from "node:child_process";

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres" };
const benches = [
  ["scripts/bench/ledger-import.ts", "10000"],
  ["scripts/bench/ledger-list.ts", "100000"],
  ["scripts/bench/jurisdiction.ts", "1000000"],
  ["scripts/bench/certificate-pdf.ts", "30"],
  ["scripts/bench/sweep.ts", "1000000"],
  ["scripts/bench/statistics.ts", "20"],
  ["scripts/bench/booking.ts", "7"],
  // Issue 10 — reception and results
  ["scripts/bench/results-batch.ts", "500"],
  // Issue 11 #7: the public pages against a plain node:http + postgres.js lookup (needs `next build` first).
  ["scripts/bench/public-pages.ts", "1000000"],
];
let failed = 0;
for (const [file, arg] of benches) {
  console.log(`\n# ${file} ${arg}`);
  const r = spawnSync("npx", ["tsx", "--conditions=react-server", file, arg], { stdio: "inherit", env });
  if (r.status) failed++;
}
process.exit(failed ? 1 : 0);
