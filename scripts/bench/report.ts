// The common row format of `npm run bench` (issue 14 item 2). A bench script calls `report({...})` once per
// figure; when run by scripts/bench/run.mjs the row is appended (one JSON line) to the file named by
// BENCH_REPORT, and the harness prints every row in one table at the end and saves them to bench/results/.
// Run alone (no BENCH_REPORT) the row is only printed. Adopting it in a bench is one import and one call:
//
//   import { report } from "./report";
//   report({ figure: "ledger first page", value: ms, unit: "ms", baseline: pkMs, baselineLabel: "same rows by primary key",
//            target: "< 20 ms", met: ms < 20 });
import { appendFileSync } from "node:fs";
import path from "node:path";

export type BenchRow = {
  /** The figure, in words (Chinese or English), unique within its bench. */
  figure: string;
  value: number;
  /** ms, s, req/s, rows/s, MB… */
  unit: string;
  /** The same-run baseline, in the same unit (null when the figure has none, e.g. a count). */
  baseline?: number | null;
  baselineLabel?: string;
  /** The target as text, e.g. "< 50 ms", "≥ 0.3× baseline". */
  target?: string;
  /** Whether the target is met (null: no target). */
  met?: boolean | null;
  /** The data set size the figure was measured on (instruments). */
  instruments?: number;
  note?: string;
};

export type ReportedRow = BenchRow & { bench: string; ratio: number | null; at: string };

/** The bench's name: BENCH_NAME, else the script's file name (jurisdiction, sweep…). */
export function benchName() {
  return process.env.BENCH_NAME || path.basename(process.argv[1] ?? "bench").replace(/\.[mc]?[jt]s$/, "");
}

export function report(row: BenchRow): ReportedRow {
  const ratio = row.baseline ? row.value / row.baseline : null;
  const out: ReportedRow = { bench: benchName(), ...row, baseline: row.baseline ?? null, met: row.met ?? null, ratio, at: new Date().toISOString() };
  const file = process.env.BENCH_REPORT;
  if (file) appendFileSync(file, JSON.stringify(out) + "\n");
  else {
    const r = ratio === null ? "" : ` (${ratio.toFixed(2)}× ${row.baseline} ${row.unit})`;
    console.log(`[report] ${row.figure}: ${row.value} ${row.unit}${r}${row.target ? ` target ${row.target} ${row.met ? "met" : "MISSED"}` : ""}`);
  }
  return out;
}

export function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Times `measured` beside `baseline` in the same run: one warm-up call of each, then `runs` rounds that call the
 * baseline and the measured one alternately (so load changes hit both alike). Answers both medians (ms) and the
 * measured call's last result.
 */
export async function alternate<T>(measured: () => Promise<T>, baseline: () => Promise<unknown>, runs: number): Promise<{ ms: number; baselineMs: number; last: T }> {
  let last = await measured();
  await baseline();
  const b: number[] = [];
  const m: number[] = [];
  for (let i = 0; i < runs; i++) {
    let s = performance.now();
    await baseline();
    b.push(performance.now() - s);
    s = performance.now();
    last = await measured();
    m.push(performance.now() - s);
  }
  return { ms: median(m), baselineMs: median(b), last };
}
