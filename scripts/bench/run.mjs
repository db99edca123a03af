// `npm run bench [-- --only a,b] [--instruments N] [--runs R]` (R: BENCH_RUNS, repetitions of the per-call benches): the benchmarks, on PostgreSQL (DATABASE_URL,
// default the local server). Each bench script reports its figures with scripts/bench/report.ts (one JSON line
// per figure into the file named by BENCH_REPORT); at the end this prints one table (figure, value, baseline,
// ratio, target, met?) and writes everything to bench/results/<timestamp>.json (BENCH_RESULTS_DIR overrides).
// The data-set benches use the generator's data set (scripts/gen, `qjt_gen_1m` for a million instruments,
// built on first use); --instruments N runs them on another size (10M: `--instruments 10000000`).
// Speed is measured here, never in timed tests (nor in `npm test` / CI).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    instruments: { type: "string" },
    runs: { type: "string" },
  },
});

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres" };
const instruments = values.instruments ? String(Number(values.instruments.replace(/[_,]/g, ""))) : null;
// [name, file, argument]; `scale: true` marks the benches on the generated data set (their argument is its size).
const benches = [
  { file: "scripts/bench/ledger-import.ts", arg: "10000,100000" }, // needs `next build` (BENCH_PORT, default 3214)
  { file: "scripts/bench/ledger-list.ts", arg: "1000000", scale: true },
  { file: "scripts/bench/jurisdiction.ts", arg: "1000000", scale: true },
  { file: "scripts/bench/certificate-pdf.ts", arg: "30" },
  { file: "scripts/bench/sweep.ts", arg: "1000000", scale: true },
  { file: "scripts/bench/statistics.ts", arg: "20" },
  { file: "scripts/bench/booking.ts", arg: "7" },
  // Issue 10 — reception and results
  { file: "scripts/bench/results-batch.ts", arg: "500" },
  // Issue 11 #7: the public pages against a plain node:http + postgres.js lookup (needs `next build` first).
  { file: "scripts/bench/public-pages.ts", arg: "1000000" },
  // Issue 14 #4: /v/ through nginx and two processes on the replica (only with --only scale-public, after `npm run scale:local`).
  { file: "scripts/bench/scale-public.ts", arg: "10", optIn: true },
].map((b) => ({ ...b, name: path.basename(b.file).replace(/\.[mc]?[jt]s$/, "") }));

const only = values.only ? new Set(values.only.split(",").map((s) => s.trim())) : null;
if (only) for (const n of only) if (!benches.some((b) => b.name === n)) throw new Error(`no bench named ${n}`);
const selected = benches.filter((b) => (only ? only.has(b.name) : !b.optIn));

const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
const resultsDir = process.env.BENCH_RESULTS_DIR || "bench/results";
mkdirSync(resultsDir, { recursive: true });
const rowsFile = path.join(os.tmpdir(), `qjt-bench-${stamp}-${process.pid}.jsonl`);
rmSync(rowsFile, { force: true });

const scripts = [];
for (const b of selected) {
  const arg = b.scale && instruments ? instruments : b.arg;
  console.log(`\n# ${b.file} ${arg}`);
  const t0 = Date.now();
  const r = spawnSync("npx", ["tsx", "--conditions=react-server", b.file, arg], {
    stdio: "inherit",
    env: { ...env, BENCH_REPORT: rowsFile, BENCH_NAME: b.name, ...(values.runs ? { BENCH_RUNS: values.runs } : {}) },
  });
  scripts.push({ bench: b.name, arg, status: r.status, seconds: (Date.now() - t0) / 1000 });
}

const rows = existsSync(rowsFile)
  ? readFileSync(rowsFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
  : [];
rmSync(rowsFile, { force: true });

const git = (args) => spawnSync("git", args, { encoding: "utf8" }).stdout?.trim() || null;
const result = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  commit: git(["rev-parse", "HEAD"]),
  dirty: Boolean(git(["status", "--porcelain", "--untracked-files=no"])),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  args: { only: values.only ?? null, instruments: instruments ?? null, runs: values.runs ?? null },
  scripts,
  rows,
};
const out = path.join(resultsDir, `${stamp}.json`);
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");

// One table: figure, value, baseline, ratio, target, met?
const fmt = (v) => (v === null || v === undefined ? "" : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
const table = [["bench", "figure", "value", "baseline", "ratio", "target", "met?"]];
for (const r of rows) {
  table.push([
    r.bench,
    r.figure,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline === null ? "" : `${fmt(r.baseline)} ${r.unit}`,
    r.ratio === null ? "" : `${fmt(r.ratio)}×`,
    r.target ?? "",
    r.met === null ? "" : r.met ? "yes" : "NO",
  ]);
}
for (const s of scripts) {
  if (!rows.some((r) => r.bench === s.bench)) table.push([s.bench, "(no rows reported: see its log above)", "", "", "", "", s.status ? "FAILED" : ""]);
}
const width = (s) => [...String(s)].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const cols = table[0].map((_, i) => Math.max(...table.map((row) => width(row[i]))));
const line = (row) => row.map((c, i) => String(c) + " ".repeat(cols[i] - width(c))).join("  ").trimEnd();
console.log(`\n${line(table[0])}\n${cols.map((w) => "-".repeat(w)).join("  ")}`);
for (const row of table.slice(1)) console.log(line(row));
const failed = scripts.filter((s) => s.status).map((s) => s.bench);
const missed = rows.filter((r) => r.met === false).length;
console.log(`\n${rows.length} figures, ${missed} target(s) missed${failed.length ? `, failed: ${failed.join(", ")}` : ""}; saved ${out}`);
process.exit(failed.length ? 1 : 0);
