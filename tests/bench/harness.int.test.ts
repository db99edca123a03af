// Issue 14 item 2: `npm run bench` at a tiny N proves the harness works — the benches report their rows in the
// common format, the run prints one table and saves the JSON. No speed is asserted (speed lives in the bench).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("issue 14 #2 — bench harness smoke test", () => {
  it("runs the data-set benches on a 2,000-instrument generated set, prints the table and writes bench JSON", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qjt-bench-"));
    try {
      const r = spawnSync("node", ["scripts/bench/run.mjs", "--only", "jurisdiction,sweep", "--instruments", "2000", "--runs", "2"], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres", BENCH_RESULTS_DIR: dir },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/bench\s+figure\s+value\s+baseline\s+ratio\s+target\s+met\?/);
      const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
      expect(files).toHaveLength(1);
      const out = JSON.parse(readFileSync(path.join(dir, files[0]!), "utf8")) as {
        args: { instruments: string };
        scripts: { bench: string; status: number }[];
        rows: { bench: string; figure: string; value: number; unit: string; baseline: number | null; ratio: number | null; met: boolean | null; instruments?: number }[];
      };
      expect(out.args.instruments).toBe("2000");
      expect(out.scripts.map((s) => [s.bench, s.status])).toEqual([["jurisdiction", 0], ["sweep", 0]]);
      expect(out.rows.filter((x) => x.bench === "jurisdiction")).toHaveLength(6);
      expect(out.rows.filter((x) => x.bench === "sweep")).toHaveLength(2);
      for (const row of out.rows) {
        expect(row.value).toBeGreaterThan(0);
        expect(row.baseline).toBeGreaterThan(0);
        expect(row.ratio).toBeCloseTo(row.value / row.baseline!, 6);
        expect(typeof row.met).toBe("boolean");
      }
      expect(out.rows.find((x) => x.figure.includes("second run"))!.met).toBe(true); // the second sweep sends nothing
      expect(out.rows.find((x) => x.bench === "jurisdiction")!.instruments).toBeGreaterThanOrEqual(2000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
