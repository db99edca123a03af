// Client JavaScript a page makes the browser load (issue 11 #7 "a small client bundle (report the bytes)"):
//   node scripts/client-js-bytes.mjs http://127.0.0.1:3313 / /catalogue /institutions /notices /login
// Fetches each page from a running production server (`next build` in this folder), collects every
// /_next/static/…js the HTML names — <script src>, preloads and the chunk lists in the inline RSC payload,
// which the browser fetches while hydrating; not the noModule polyfills — and sums those files from .next/static, raw and gzip-compressed
// (zlib level 6, like Next's own compression). Not part of CI.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const [base, ...paths] = process.argv.slice(2);
if (!base || !paths.length) throw new Error("usage: node scripts/client-js-bytes.mjs <base-url> <path>…");

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
// Next's own runtime (React DOM, the app router, Turbopack's loader), which every page loads whatever it is.
const runtime = new Set(JSON.parse(readFileSync(".next/build-manifest.json", "utf8")).rootMainFiles);
let failed = 0;
for (const p of paths) {
  const res = await fetch(new URL(p, base), { redirect: "manual", headers: { cookie: process.env.COOKIE ?? "" } });
  const html = await res.text();
  // The payload escapes quotes (\"static/chunks/…js\"), so the pattern stops at quotes and backslashes alike.
  // The polyfills are a <script noModule>: browsers that run modules (every current one) never fetch them.
  const noModule = new Set([...html.matchAll(/<script[^>]*\bsrc="\/_next\/(static\/[^"]+\.js)"[^>]*\bnoModule\b[^>]*>/gi)].map((m) => m[1]));
  const files = new Set([...html.matchAll(/(?:\/_next\/)?(static\/[^"'\s\\<>]+?\.js)/g)].map((m) => m[1]).filter((f) => !noModule.has(f)));
  let raw = 0;
  let gz = 0;
  let ownRaw = 0;
  let ownGz = 0;
  const missing = [];
  for (const f of files) {
    const file = path.join(".next", decodeURIComponent(f));
    if (!existsSync(file)) {
      missing.push(f);
      continue;
    }
    const buf = readFileSync(file);
    const z = gzipSync(buf, { level: 6 }).length;
    raw += buf.length;
    gz += z;
    if (!runtime.has(f)) {
      ownRaw += buf.length;
      ownGz += z;
    }
  }
  if (missing.length) failed++;
  console.log(`${p}  HTTP ${res.status}  ${files.size} files  ${kib(raw)} raw  ${kib(gz)} gzip (beyond Next's runtime: ${kib(ownRaw)} raw, ${kib(ownGz)} gzip)${missing.length ? `  (not in .next: ${missing.join(", ")})` : ""}`);
  if (process.env.VERBOSE) for (const f of [...files].sort()) console.log(`    ${f}  ${readFileSync(path.join(".next", decodeURIComponent(f))).length}`);
}
process.exit(failed ? 1 : 0);
