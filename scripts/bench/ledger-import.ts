// Excel ledger import end to end (issue 14 item 3): the production server (`next start` via server.mjs, needs
// `next build` first) on a throwaway PostgreSQL database with the demo data; the demo petrol station signs in
// and uploads an xlsx of N rows — preview (mode=check), then confirm (mode=commit) — through HTTP. Measured:
// time, rows/s and the server's peak RSS (VmHWM, reset before each file); baseline in the same run: COPY of
// the same rows into the same table (same columns and indexes, rolled back).
// Also printed: CPU seconds of the server and of its database backends per step, and of the COPY's backend —
// on a loaded machine the wall times mostly vary with the wait for a core.
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server scripts/bench/ledger-import.ts [rows,rows…]
// JSON goes to bench/results/ledger-import-<date>.json.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import postgres from "postgres";
import { openDb } from "../../src/server/db/open";
import { prepareData } from "../../src/server/seed/prepare";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { writeLedgerWorkbookFile } from "../ledger/sample-file";
import { report } from "./report";
import { waitFor } from "./wait-for-server";

const TARGET = { seconds100k: 30, rssMb: 400, copyRatio: 4 };
const COLS =
  "name, model, measuring_range, accuracy_class, serial_no, own_no, manufacturer, origin, install_location, county_code, city_code, province_code, purchase_date, status, purpose, instrument_type, method, kind_id, quantity, department_id, type_cert_no, tags, remark, manufacturer_norm, serial_norm";

async function main() {
  const sizes = (process.argv[2] ?? "10000,100000").split(",").map(Number);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_URL (the benchmark runs on PostgreSQL)");
  if (!existsSync(".next/BUILD_ID")) throw new Error("run `next build` first (the bench uses the production server)");
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `qjt_bench_import_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const children: ChildProcess[] = [];
  const sql = postgres(target.toString(), { max: 1, onnotice: () => {} });
  try {
    const database = await openDb({ url: target.toString() });
    await prepareData(database, { demo: true });
    await database.close();
    const [org] = await sql`select id from organisations where name = '广州示例加油站有限公司（示例）'`;
    const [other] = await sql`select id from organisations where kind = 'enterprise' and id <> ${org!.id} order by id limit 1`;

    const port = Number(process.env.BENCH_PORT ?? 3214);
    const app = `http://127.0.0.1:${port}`;
    const env = { ...process.env, DATABASE_URL: target.toString(), NEXTAUTH_SECRET: "bench-secret", NEXTAUTH_URL: app, NEXT_TELEMETRY_DISABLED: "1", SEED_DEMO: "0" };
    // With the Node flags of `npm start` (package.json), so the heap behaves as in production.
    const server = spawn(process.execPath, [...startFlags(), "server.mjs", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
    children.push(server);
    await waitFor(`${app}/login`);
    const cookie = await signIn(app, "jyzqy");
    const idle = rss(server.pid!);
    console.log(`server pid ${server.pid}: RSS ${idle.now} MB after start and sign-in`);

    // Warm the route (first load of its chunks, JIT) with the e2e fixture's 200 rows.
    await upload(app, cookie, readFileSync("e2e/fixtures/ledger-import-200.xlsx"), "check");
    const results = [];
    for (const n of sizes) {
      const file = path.join(tmpdir(), `qjt-ledger-import-${n}.xlsx`);
      const prefix = `BIMP${n}`;
      if (!existsSync(file)) {
        const t = performance.now();
        await writeLedgerWorkbookFile(file, n, prefix);
        console.log(`wrote ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
      const bytes = readFileSync(file);
      resetPeak(server.pid!);
      // CPU seconds too (the server's, and its database backends'): under load, wall time mostly measures the
      // wait for a core; the CPU spent is the work done.
      const c0 = { server: cpuSeconds(server.pid!), db: dbCpuSeconds(name) };
      const t0 = performance.now();
      const check = await upload(app, cookie, bytes, "check");
      const t1 = performance.now();
      const c1 = { server: cpuSeconds(server.pid!), db: dbCpuSeconds(name) };
      // Each step's own peak: VmHWM read after the preview, then reset for the confirm.
      const checkPeak = rss(server.pid!).peak;
      resetPeak(server.pid!);
      const commit = await upload(app, cookie, bytes, "commit");
      const t2 = performance.now();
      const c2 = { server: cpuSeconds(server.pid!), db: dbCpuSeconds(name) };
      const cpu = {
        preview: { server: round(c1.server - c0.server), db: round(c1.db - c0.db) },
        confirm: { server: round(c2.server - c1.server), db: round(c2.db - c1.db) },
      };
      const commitPeak = rss(server.pid!).peak;
      const peak = Math.max(checkPeak, commitPeak);
      if (commit.inserted !== n) throw new Error(`imported ${String(commit.inserted)} of ${n} rows: ${JSON.stringify(commit).slice(0, 300)}`);
      if (check.validRows !== n) throw new Error(`preview found ${String(check.validRows)} valid rows of ${n}`);

      console.log(`${n} rows: preview ${((t1 - t0) / 1000).toFixed(1)} s, confirm ${((t2 - t1) / 1000).toFixed(1)} s, server peak RSS ${peak} MB (preview ${checkPeak}, confirm ${commitPeak})`);
      console.log(`${n} rows: CPU seconds — preview: server ${cpu.preview.server}, database ${cpu.preview.db}; confirm: server ${cpu.confirm.server}, database ${cpu.confirm.db}`);
      // Baseline: the same rows, as COPY text, into the same table (another enterprise, so no key clashes);
      // copied out and in on connections of their own.
      const chunks: Buffer[] = [];
      const sqlOut = postgres(target.toString(), { max: 1, onnotice: () => {} });
      const out = await sqlOut.unsafe(`copy (select ${other!.id}, ${COLS} from instruments where enterprise_id = ${org!.id} and serial_no like '${prefix}-%' order by id) to stdout`).readable();
      for await (const c of out) chunks.push(c as Buffer);
      await sqlOut.end();
      const text = Buffer.concat(chunks);
      let copyMs = 0;
      let copyDbCpu = 0;
      const copyCpu0 = dbCpuSeconds(name);
      const sqlIn = postgres(target.toString(), { max: 1, onnotice: () => {} });
      await sqlIn
        .begin(async (tx) => {
          const s = performance.now();
          const sink = await tx.unsafe(`copy instruments (enterprise_id, ${COLS}) from stdin`).writable();
          await pipeline(Readable.from([text]), sink);
          copyMs = performance.now() - s;
          copyDbCpu = dbCpuSeconds(name) - copyCpu0;
          throw new Error("rollback");
        })
        .catch((e: Error) => {
          if (e.message !== "rollback") throw e;
        })
        .finally(() => sqlIn.end());
      const checkS = (t1 - t0) / 1000;
      const commitS = (t2 - t1) / 1000;
      const total = checkS + commitS;
      const r = {
        rows: n,
        xlsxBytes: bytes.byteLength,
        previewSeconds: round(checkS),
        confirmSeconds: round(commitS),
        endToEndSeconds: round(total),
        confirmRowsPerSecond: Math.round(n / commitS),
        serverPeakRssMb: peak,
        previewPeakRssMb: checkPeak,
        confirmPeakRssMb: commitPeak,
        serverIdleRssMb: idle.now,
        cpuSeconds: cpu,
        copyDbCpuSeconds: round(copyDbCpu),
        copySeconds: round(copyMs / 1000),
        confirmToCopy: round((commitS * 1000) / copyMs),
      };
      results.push(r);
      report({ figure: `import ${n} rows, preview + confirm`, value: r.endToEndSeconds, unit: "s", target: n >= 100_000 ? `< ${TARGET.seconds100k} s` : undefined, met: n >= 100_000 ? total < TARGET.seconds100k : null });
      report({ figure: `import ${n} rows, confirm vs COPY`, value: r.confirmSeconds, unit: "s", baseline: r.copySeconds, baselineLabel: "COPY of the same rows", target: `≤ ${TARGET.copyRatio}× COPY`, met: r.confirmToCopy <= TARGET.copyRatio });
      report({ figure: `import ${n} rows, server peak RSS`, value: peak, unit: "MB", baseline: idle.now, baselineLabel: "server RSS after start", target: `< ${TARGET.rssMb} MB`, met: peak < TARGET.rssMb });
      console.log(
        `${String(n).padStart(7)} rows (${(bytes.byteLength / 1048576).toFixed(1)} MB): preview ${checkS.toFixed(1)} s + confirm ${commitS.toFixed(1)} s = ${total.toFixed(1)} s, ` +
          `${r.confirmRowsPerSecond} rows/s; server peak RSS ${peak} MB; COPY of the same rows ${(copyMs / 1000).toFixed(2)} s → confirm ${r.confirmToCopy}× COPY`,
      );
    }
    mkdirSync("bench/results", { recursive: true });
    const outFile = `bench/results/ledger-import-${new Date().toISOString().slice(0, 10)}.json`;
    writeFileSync(outFile, `${JSON.stringify({ bench: "ledger-import", at: new Date().toISOString(), targets: TARGET, results }, null, 2)}\n`);
    console.log(`wrote ${outFile}`);
  } finally {
    for (const c of children) c.kill();
    await sql.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Signs in through next-auth's credentials endpoint; returns the session cookie. */
async function signIn(app: string, username: string) {
  const csrf = await fetch(`${app}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const r = await fetch(`${app}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: app },
    body: new URLSearchParams({ csrfToken, username, password: DEMO_PASSWORD, json: "true" }),
  });
  const session = r.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${username} failed (${r.status})`);
  return `${jar}; ${session.split(";")[0]}`;
}

/** Posts the file to the import route and reads its NDJSON answer to the last line. */
async function upload(app: string, cookie: string, bytes: Buffer, mode: "check" | "commit") {
  const form = new FormData();
  form.set("mode", mode);
  form.set("file", new Blob([new Uint8Array(bytes)]), "台账.xlsx");
  const r = await fetch(`${app}/api/ledger/import`, { method: "POST", body: form, headers: { cookie, origin: app } });
  const lines = (await r.text()).trim().split("\n");
  const last = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
  if (last.type !== "result") throw new Error(`${mode}: ${JSON.stringify(last)}`);
  return last as { validRows?: number; inserted?: number };
}

/** The Node flags `npm start` runs server.mjs with (`node --max-old-space-size=… server.mjs` → its flags). */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  const m = /^node\s+(.*?)\s*server\.mjs/.exec(start);
  if (!m) throw new Error(`package.json start is not "node … server.mjs": ${start}`);
  return m[1] ? m[1].split(/\s+/) : [];
}

/** The process's RSS now and its peak (VmHWM) in MB. */
function rss(pid: number) {
  const s = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
  return { now: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}
/** CPU seconds (user + system) a process has used, all its threads. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}
/** CPU seconds of the PostgreSQL backends now connected to `database` (local server only; 0 when unreadable). */
function dbCpuSeconds(database: string): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(` ${database} `)) total += cpuSeconds(Number(pid));
    } catch {
      // a process that ended meanwhile, or not ours to read
    }
  }
  return total;
}

/** Resets VmHWM to the current RSS (Linux: 5 > clear_refs). */
function resetPeak(pid: number) {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
}

const round = (x: number) => Math.round(x * 100) / 100;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
