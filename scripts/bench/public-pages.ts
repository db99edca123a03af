// Public pages against a plain baseline (issue 11 #7), in the same run on the same machine:
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server scripts/bench/public-pages.ts [certificates] [seconds]
// Builds `qjt_bench_public_<n>` once (demo data + n instruments, each with a label token, a done appointment
// item, a result and a certificate, made with INSERT … SELECT) and reuses it. Then starts the production
// server (`next build` must have run) with TRUST_PROXY=loopback and drives it with autocannon: random tokens,
// and a random X-Forwarded-For per request (a province of phones, each under the per-address rate limit).
// Targets: /v/ and /i/ ≥ 0.3× the baseline's requests/s with p99 < 50 ms; home and catalogue ≥ 0.3×.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDb } from "../../src/server/db/open";
import { prepareData } from "../../src/server/seed/prepare";

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
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

async function waitFor(url: string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server at ${url} did not start`);
}

async function main() {
  const n = Number(process.argv[2] ?? 1_000_000);
  const seconds = Number(process.argv[3] ?? 10);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_URL (the benchmark runs on PostgreSQL)");
  const name = `qjt_bench_public_${n}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const target = new URL(url);
  target.pathname = `/${name}`;
  const [exists] = await admin`select 1 as ok from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database ${name}`);
  await admin.end();
  const database = await openDb({ url: target.toString() });
  await prepareData(database, { demo: !exists });
  await database.close();
  const sql = postgres(target.toString(), { max: 2, onnotice: () => {} });
  const [{ have }] = (await sql`select count(*)::int as have from certificates where number like 'PB%'`) as unknown as [{ have: number }];
  if (have !== n) {
    if (have) throw new Error(`${name} holds ${have} bench certificates, not ${n}: drop it and run again`);
    const t0 = performance.now();
    await buildDataSet(sql, n);
    console.log(`built ${n} instruments, results and certificates in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  if (process.env.BENCH_BUILD_ONLY) return void (await sql.end());
  const sample = await sql`select token from certificates where number like 'PB%' order by random() limit 2000`;
  const labels = await sql`select label_token as token from instruments where serial_no like 'PB-%' order by random() limit 2000`;
  await sql.end();
  const certTokens = sample.map((r) => r.token as string);
  const labelTokens = labels.map((r) => r.token as string);
  const pick = (a: string[]) => a[Math.floor(Math.random() * a.length)]!;
  const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  const env = { ...process.env, DATABASE_URL: target.toString(), TRUST_PROXY: "loopback", NEXTAUTH_SECRET: "bench-secret", NEXT_TELEMETRY_DISABLED: "1", SEED_DEMO: "0" };
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

    const rows: { page: string; rps: number; p99: number; ratio: number; pass: boolean; non2xx: number }[] = [];
    const base1 = await run(baseline, () => `/v/${pick(certTokens)}`, seconds);
    console.log(`baseline (node:http + postgres.js, indexed token lookup): ${base1.rps.toFixed(0)} req/s, p99 ${base1.p99} ms`);
    const pages: [string, () => string, boolean][] = [
      ["/v/{token}", () => `/v/${pick(certTokens)}`, true],
      ["/i/{token}", () => `/i/${pick(labelTokens)}`, true],
      ["/ (home)", () => "/", false],
      ["/catalogue", () => "/catalogue", false],
    ];
    for (const [label, path, latencyTarget] of pages) {
      const r = await run(app, path, seconds, () => ({ "x-forwarded-for": ip() }));
      const ratio = r.rps / base1.rps;
      const pass = ratio >= 0.3 && (!latencyTarget || r.p99 < 50) && r.non2xx === 0;
      rows.push({ page: label, rps: r.rps, p99: r.p99, ratio, pass, non2xx: r.non2xx });
    }
    const base2 = await run(baseline, () => `/v/${pick(certTokens)}`, seconds);
    console.log(`baseline again: ${base2.rps.toFixed(0)} req/s, p99 ${base2.p99} ms`);
    console.log(`\n${n} certificates; ${seconds} s per page, 10 connections`);
    for (const r of rows) console.log(`${r.page.padEnd(12)} ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${String(r.p99).padStart(3)} ms  ${r.ratio.toFixed(2)}× baseline  non-2xx ${r.non2xx}  ${r.pass ? "PASS" : "FAIL"}`);

    // Client JavaScript the home sends (uncompressed bytes of its scripts); /v/ and /i/ send none.
    const html = await (await fetch(`${app}/`)).text();
    const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    let bytes = 0;
    for (const s of srcs) bytes += (await (await fetch(new URL(s, app))).arrayBuffer()).byteLength;
    const vHtml = await (await fetch(`${app}/v/${pick(certTokens)}`, { headers: { "x-forwarded-for": ip() } })).text();
    console.log(`client JS: home ${srcs.length} scripts, ${(bytes / 1024).toFixed(0)} KiB; /v/ page ${vHtml.length} bytes of HTML, ${(vHtml.match(/<script/g) ?? []).length} scripts`);
    process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
  } finally {
    for (const c of children) c.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
