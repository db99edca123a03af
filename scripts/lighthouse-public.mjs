// Lighthouse (npm lighthouse 12.8.2, the system Chromium, phone emulation) on the public pages (issue 11):
//   node scripts/lighthouse-public.mjs http://127.0.0.1:3208/ http://127.0.0.1:3208/v/<token> http://127.0.0.1:3208/i/<token>
// Prints performance, accessibility and best-practices per page, the timings behind the first and the script
// bytes. Not part of CI.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const urls = process.argv.slice(2);
if (!urls.length) throw new Error("usage: node scripts/lighthouse-public.mjs <url>…");
const dir = mkdtempSync(path.join(tmpdir(), "qjt-lh-"));
let failed = 0;
for (const [i, url] of urls.entries()) {
  const out = path.join(dir, `${i}.json`);
  const r = spawnSync(
    "npx",
    ["--yes", "lighthouse@12.8.2", url, "--output=json", `--output-path=${out}`, "--quiet", "--only-categories=performance,accessibility,best-practices", '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (r.status) {
    failed++;
    continue;
  }
  const j = JSON.parse(readFileSync(out, "utf8"));
  const s = (id) => Math.round((j.categories[id]?.score ?? 0) * 100);
  const failing = Object.values(j.audits).filter((a) => a.score !== null && a.score < 1 && j.categories.accessibility.auditRefs.some((ref) => ref.id === a.id)).map((a) => a.id);
  console.log(`${url}\n  performance ${s("performance")}  accessibility ${s("accessibility")}  best-practices ${s("best-practices")}${failing.length ? `  (accessibility audits below 1: ${failing.join(", ")})` : ""}`);
  // What the score is made of, and the scripts the page had the phone fetch (issue 11 #7).
  const ms = (id) => `${Math.round(j.audits[id]?.numericValue ?? 0)} ms`;
  const scripts = (j.audits["network-requests"]?.details?.items ?? []).filter((r) => r.resourceType === "Script");
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `  FCP ${ms("first-contentful-paint")}  LCP ${ms("largest-contentful-paint")}  TBT ${ms("total-blocking-time")}  SI ${ms("speed-index")}  ` +
      `scripts ${scripts.length}: ${kib(scripts.reduce((a, r) => a + (r.transferSize ?? 0), 0))} transferred, ${kib(scripts.reduce((a, r) => a + (r.resourceSize ?? 0), 0))} uncompressed`,
  );
}
rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
