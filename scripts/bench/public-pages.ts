// Public pages against a plain baseline (issue 11 #7), in the same run on the same machine:
//   DATABASE_URL=postgres://… [BENCH_DB=qjt_gen_10m] npx tsx --conditions=react-server scripts/bench/public-pages.ts [certificates] [seconds]
// With BENCH_DB: that database as it is (the generator's data set; <certificates> then only labels the run).
// Else builds `qjt_bench_public_<n>` once (demo data + n instruments, each with a label token, a done appointment
// item, a result and a certificate, made with INSERT … SELECT) and reuses it. Then starts the production
// server (`next build` must have run) with TRUST_PROXY=loopback and drives it with autocannon: random tokens,
// and a random X-Forwarded-For per request (a province of phones, each under the per-address rate limit).
// Targets: /v/ and /i/ ≥ 0.3× the baseline's requests/s with p99 < 50 ms; home and catalogue ≥ 0.3×.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDb } from "../../src/server/db/open";
import { report } from "./report";
import { prepareData } from "../../src/server/seed/prepare";
import { waitFor } from "./wait-for-server";

type Sql = ReturnType<typeof postgres>;

async function columns(sql: Sql, table: string): Promise<string[]> {
  const rows = await sql`select column_name from information_schema.columns where table_name = ${table} and is_generated = 'NEVER' and identity_generation is null order by ordinal_position`;
  return rows.map((r) => r.column_name as string);
}

/** n copies of one row of `table`, with some columns computed from g (1…n); answers the first new id. */
async function cloneRow(sql: Sql, table: string, templateId: number, n: number, overrides: Record<string, string>): Promise<number> {
  const cols = await columns(sql, table);
  const exprs = cols.map((c) => overrides[c] ?? `t."${c}"`);
  const [{ before }] = (await sql.unsafe(`select coalesce(max(id), 0)::bigint as before from ${table}`)) as unknown as [{ before: string }];
  await sql.unsafe(`insert into ${table} (${cols.map((c) => `"${c}"`).join(", ")}) select ${exprs.join(", ")} from ${table} t cross join generate_series(1, ${n}) g where t.id = ${templateId}`);
  const [{ first, last }] = (await sql.unsafe(`select min(id)::bigint as first, max(id)::bigint as last from ${table} where id > ${before}`)) as unknown as [{ first: string; last: string }];
  if (Number(last) - Number(first) + 1 !== n) throw new Error(`${table}: ids not contiguous`);
  return Number(first);
}

async function buildDataSet(sql: Sql, n: number) {
  const [t] = await sql`select c.id as cert, c.result_id as result, r.appointment_item_id as item, c.instrument_id as inst from certificates c join results r on r.id = c.result_id where c.kind = 'certificate' and c.state = 'issued' order by c.id limit 1`;
  if (!t) throw new Error("no demo certificate to copy");
  const tok = (salt: string) => `rtrim(translate(encode(decode(md5(g::text || '${salt}'), 'hex'), 'base64'), '+/', '-_'), '=')`;
  const inst = await cloneRow(sql, "instruments", t.inst, n, {
    serial_no: `'PB-' || g`,
    serial_norm: `'pb-' || g`,
    instrument_code: `'99' || lpad(g::text, 16, '0')`,
    label_token: tok("label"),
    certificate_no: `'PB' || lpad(g::text, 10, '0')`,
  });
  const item = await cloneRow(sql, "appointment_items", t.item, n, { instrument_id: `${inst} + g - 1` });
  const result = await cloneRow(sql, "results", t.result, n, { appointment_item_id: `${item} + g - 1`, instrument_id: `${inst} + g - 1` });
  await cloneRow(sql, "certificates", t.cert, n, {
    number: `'PB' || lpad(g::text, 10, '0')`,
    token: tok("certificate"),
    result_id: `${result} + g - 1`,
    instrument_id: `${inst} + g - 1`,
    state: `case when g % 50 = 0 then 'revoked'::certificate_state else 'issued'::certificate_state end`,
    valid_until: `current_date + (g % 400 - 30)`,
  });
  for (const table of ["instruments", "appointment_items", "results", "certificates"]) await sql.unsafe(`vacuum analyze ${table}`);
}

async function run(url: string, path: () => string, seconds: number, headers: () => Record<string, string> = () => ({})) {
  const r = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: path(), headers: { ...(req.headers as object), ...headers() } }) }],
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

async function main() {
  const n = Number(process.argv[2] ?? 1_000_000);
  const seconds = Number(process.argv[3] ?? 10);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_URL (the benchmark runs on PostgreSQL)");
  // BENCH_DB names a database that already holds the data, used as it is (the generator's: qjt_gen_1m, qjt_gen_10m).
  const given = process.env.BENCH_DB;
  const name = given || `qjt_bench_public_${n}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const target = new URL(url);
  target.pathname = `/${name}`;
  const [exists] = await admin`select 1 as ok from pg_database where datname = ${name}`;
  if (given && !exists) throw new Error(`BENCH_DB=${given}: no such database (npm run gen builds qjt_gen_<n>)`);
  if (!exists) await admin.unsafe(`create database ${name}`);
  await admin.end();
  const database = await openDb({ url: target.toString() });
  if (!given) await prepareData(database, { demo: !exists });
  await database.close();
  const sql = postgres(target.toString(), { max: 2, onnotice: () => {} });
  if (!given) {
    const [{ have }] = (await sql`select count(*)::int as have from certificates where number like 'PB%'`) as unknown as [{ have: number }];
    if (have !== n) {
      if (have) throw new Error(`${name} holds ${have} bench certificates, not ${n}: drop it and run again`);
      const t0 = performance.now();
      await buildDataSet(sql, n);
      console.log(`built ${n} instruments, results and certificates in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
  }
  if (process.env.BENCH_BUILD_ONLY) return void (await sql.end());
  // Random tokens: the bench's own rows, or a 1 % block sample of a given data set (ORDER BY random() over 10M rows is slow).
  const sample = given
    ? await sql`select token from certificates tablesample system (1) limit 2000`
    : await sql`select token from certificates where number like 'PB%' order by random() limit 2000`;
  const labels = given
    ? await sql`select label_token as token from instruments tablesample system (1) where label_token is not null limit 2000`
    : await sql`select label_token as token from instruments where serial_no like 'PB-%' order by random() limit 2000`;
  await sql.end();
  if (sample.length < 100 || labels.length < 100) throw new Error(`${name}: too few certificates (${sample.length}) or labels (${labels.length}) sampled`);
  const certTokens = sample.map((r) => r.token as string);
  const labelTokens = labels.map((r) => r.token as string);
  const pick = (a: string[]) => a[Math.floor(Math.random() * a.length)]!;
  const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  const env = { ...process.env, DATABASE_URL: target.toString(), TRUST_PROXY: "loopback", NEXTAUTH_SECRET: "bench-secret", NEXT_TELEMETRY_DISABLED: "1", SEED_DEMO: "0", BACKGROUND_JOBS: "0" };
  const port = Number(process.env.BENCH_PORT ?? 3208);
  const children: ChildProcess[] = [];
  try {
    const base = spawn(process.execPath, ["scripts/bench/public-baseline.mjs"], { env: { ...env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
    children.push(base);
    const [chunk] = (await once(base.stdout!, "data")) as [Buffer];
    const basePort = Number(chunk.toString().trim());
    const next = spawn(process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], { env: { ...env, NEXTAUTH_URL: `http://127.0.0.1:${port}` }, stdio: ["ignore", "ignore", "inherit"] });
    children.push(next);
    await waitFor(`http://127.0.0.1:${port}/login`);
    const app = `http://127.0.0.1:${port}`;
    const baseline = `http://127.0.0.1:${basePort}`;
    // Warm both (JIT, pools, prepared statements, the pages' data caches).
    await run(baseline, () => `/v/${pick(certTokens)}`, 2);
    for (const p of ["/v/", "/i/"]) await run(app, () => `${p}${pick(p === "/v/" ? certTokens : labelTokens)}`, 2, () => ({ "x-forwarded-for": ip() }));
    await run(app, () => "/", 2);
    await run(app, () => "/catalogue", 2);
    await run(app, () => "/institutions", 2);

    const rows: { page: string; rps: number; p50: number; p99: number; ratio: number; pass: boolean; non2xx: number; target: "lookup" | "page" | null }[] = [];
    const base1 = await run(baseline, () => `/v/${pick(certTokens)}`, seconds);
    console.log(`baseline (node:http + postgres.js, indexed token lookup): ${base1.rps.toFixed(0)} req/s, p99 ${base1.p99} ms`);
    // [label, path, target: "lookup" (≥ 0.3× and p99 < 50 ms) | "page" (≥ 0.3×) | null (reported only)]
    const pages: [string, () => string, "lookup" | "page" | null][] = [
      ["/v/{token}", () => `/v/${pick(certTokens)}`, "lookup"],
      ["/i/{token}", () => `/i/${pick(labelTokens)}`, "lookup"],
      ["/ (home)", () => "/", "page"],
      ["/catalogue", () => "/catalogue", "page"],
      ["/institutions", () => "/institutions", null],
    ];
    for (const [label, path, target] of pages) {
      const r = await run(app, path, seconds, () => ({ "x-forwarded-for": ip() }));
      const ratio = r.rps / base1.rps;
      const pass = ratio >= 0.3 && (target !== "lookup" || r.p99 < 50) && r.non2xx === 0;
      rows.push({ page: label, rps: r.rps, p50: r.p50, p99: r.p99, ratio, pass, non2xx: r.non2xx, target });
    }
    const base2 = await run(baseline, () => `/v/${pick(certTokens)}`, seconds);
    console.log(`baseline again: ${base2.rps.toFixed(0)} req/s, p99 ${base2.p99} ms`);
    const pageCache = process.env.PAGE_CACHE_SECONDS ?? "30 (default)";
    console.log(`\n${given ? `${name} (${n} instruments)` : `${n} certificates`}; ${seconds} s per page, 10 connections; page cache seconds: ${pageCache}`);
    console.log(`${"page".padEnd(14)} ${"req/s".padStart(6)}  ${"p50".padStart(4)}  ${"p99".padStart(4)}  ratio   target`);
    for (const r of rows) {
      const verdict = r.target ? (r.pass ? "PASS" : "FAIL") : "(no target)";
      console.log(`${r.page.padEnd(14)} ${r.rps.toFixed(0).padStart(6)}  ${String(r.p50).padStart(4)}  ${String(r.p99).padStart(4)}  ${r.ratio.toFixed(3)}×  ${verdict}${r.non2xx ? `  non-2xx ${r.non2xx}` : ""}`);
    }

    for (const r of rows) {
      const common = { baselineLabel: "node:http + postgres.js token lookup", instruments: n, note: `p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}` };
      report({ figure: `${r.page} req/s`, value: r.rps, unit: "req/s", baseline: base1.rps, target: r.target ? "≥ 0.3× baseline" : undefined, met: r.target ? r.rps / base1.rps >= 0.3 && r.non2xx === 0 : null, ...common });
      if (r.target === "lookup") report({ figure: `${r.page} p99`, value: r.p99, unit: "ms", baseline: base1.p99, target: "< 50 ms", met: r.p99 < 50, ...common });
    }

    // Client JavaScript each public page loads (bytes of its <script src> files, uncompressed and gzip-compressed).
    const js: { page: string; scripts: number; bytes: number; gzipBytes: number; htmlBytes: number }[] = [];
    for (const [label, path] of [
      ["/", "/"],
      ["/catalogue", "/catalogue"],
      ["/institutions", "/institutions"],
      ["/notices", "/notices"],
      ["/v/{token}", `/v/${pick(certTokens)}`],
      ["/i/{token}", `/i/${pick(labelTokens)}`],
    ] as const) {
      const html = await (await fetch(`${app}${path}`, { headers: { "x-forwarded-for": ip() } })).text();
      const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
      let bytes = 0;
      let gzipBytes = 0;
      for (const src of srcs) {
        const body = Buffer.from(await (await fetch(new URL(src, app))).arrayBuffer());
        bytes += body.length;
        gzipBytes += gzipSync(body).length;
      }
      js.push({ page: label, scripts: srcs.length, bytes, gzipBytes, htmlBytes: Buffer.byteLength(html) });
      console.log(`client JS ${label.padEnd(14)} ${String(srcs.length).padStart(2)} scripts  ${(bytes / 1024).toFixed(0).padStart(4)} KiB (${(gzipBytes / 1024).toFixed(0)} KiB gzip)  HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB`);
    }

    const day = new Date().toISOString().slice(0, 10);
    const out = { bench: "public-pages", at: new Date().toISOString(), ...(given ? { dataSet: name, instruments: n } : { certificates: n }), seconds, connections: 10, pageCacheSeconds: pageCache, baseline: { first: base1, again: base2 }, pages: rows, clientJs: js };
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/public-pages-${day}${process.env.BENCH_TAG ? `-${process.env.BENCH_TAG}` : ""}.json`;
    writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
    console.log(`wrote ${file}`);
    process.exitCode = rows.every((r) => !r.target || r.pass) ? 0 : 1;
  } finally {
    for (const c of children) c.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
