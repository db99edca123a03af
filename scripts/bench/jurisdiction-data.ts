// The 1M-instrument data set of `npm run bench` (issue 9 items 9–10): deterministic, built with INSERT … SELECT
// over generate_series into a dedicated database that later runs reuse. The scale issue grows it to 10M by
// passing a larger row count (the database name carries the size).
//
// Shape (every choice is a pure function of the row number, so two builds are identical):
// - one legal county institution per Guangdong county (plus the demo ones);
// - 2,000 enterprises spread over all Guangdong counties, every 50th still pending registration;
//   the last one is large (10% of all instruments, in 白云区 440111) and so lands on the first 申报企业 page;
// - instruments: one in seven located in another county than its enterprise; filing status cycles
//   filed ×6 / pending / assigned / returned / none; institutions: every 20th the authorised demo
//   institution, every 20th + 1 the Guangzhou city institute (also outside its city), otherwise the legal
//   institution of the instrument's county.
import postgres, { type Sql } from "postgres";
import { openDb, type Database } from "../../src/server/db/open";
import { prepareData } from "../../src/server/seed/prepare";

export const ENTERPRISES = 2000;

export async function buildDataSet(sql: Sql, rows: number) {
  const big = Math.floor(rows / 10);
  await sql.begin(async (tx) => {
    await tx.unsafe(`
      create temp table bench_counties on commit drop as
        select (row_number() over (order by code))::int - 1 as i, code, city_code, province_code
        from regions where level = 'county' and province_code = '44';
      insert into organisations (kind, institution_kind, name, code, level, region_code, province_code, city_code, county_code, status, uscc)
        select 'institution', 'legal', '压测县级计量所' || code, 'B' || code, 'county', code, province_code, city_code, code, 'approved', 'BENCH-I-' || code
        from bench_counties;
      create temp table bench_inst on commit drop as
        select c.code, o.id from bench_counties c join organisations o on o.uscc = 'BENCH-I-' || c.code;
      insert into organisations (kind, name, region_code, province_code, city_code, county_code, status, uscc, address)
        select 'enterprise', '压测企业' || lpad(e::text, 5, '0'), c.code, c.province_code, c.city_code, c.code,
          (case when e % 50 = 0 then 'pending' else 'approved' end)::org_status, 'BENCH-E-' || lpad(e::text, 5, '0'), '压测地址 ' || e
        from generate_series(1, ${ENTERPRISES}) e
        join bench_counties c on c.i = case when e = ${ENTERPRISES} then (select i from bench_counties where code = '440111')
                                            else (e * 37) % (select count(*) from bench_counties) end
        order by e;
      create temp table bench_ent on commit drop as
        select (substr(uscc, 9))::int as e, id, county_code from organisations where uscc like 'BENCH-E-%';
    `);
    const [kind] = await tx`select k.id from catalogue_kinds k join catalogue_versions v on v.id = k.version_id where v.is_current and k.name = '燃油加油机'`;
    // Secondary indexes are dropped during the load and rebuilt after it: one sort per index instead of
    // a million index insertions each (minutes → seconds on two cores).
    const defs = await tx<{ name: string; def: string }[]>`
      select indexname as name, indexdef as def from pg_indexes
      where tablename = 'instruments' and indexname not in (select conname from pg_constraint where conrelid = 'instruments'::regclass)`;
    for (const d of defs) await tx.unsafe(`drop index "${d.name}"`);
    await tx.unsafe(`
      insert into instruments (enterprise_id, name, model, serial_no, manufacturer, install_location, province_code, city_code, county_code,
        status, purpose, method, kind_id, filing_status, institution_id, instrument_code, filing_approved_on, valid_until,
        tags, manufacturer_norm, serial_norm)
      select ent.id, case when g % 3 = 0 then '燃油加油机' else '加油枪' || (g % 50) end, 'CS46', 'BN-' || g, '厂家' || (g % 200), (g % 40) || '号岛',
        c.province_code, c.city_code, c.code,
        (case when g % 10 = 9 then 'new' when g % 13 = 0 then 'stopped' else 'in_use' end)::instrument_status, 'trade', 'on_site', ${kind!.id},
        fs.status::filing_status,
        case when fs.status in ('filed', 'pending', 'assigned') then
          case when g % 20 = 0 then (select id from organisations where code = 'SLJC')
               when g % 20 = 1 then (select id from organisations where code = 'GZJL')
               else inst.id end end,
        case when fs.status = 'filed' then 'BN' || g end,
        case when fs.status = 'filed' then date '2025-01-01' + (g % 500) end,
        case when fs.status = 'filed' and g % 4 <> 0 then date '2025-06-01' + (g % 700) end,
        array['岛' || (g % 40)], '厂家' || (g % 200), 'bn-' || g
      from generate_series(1, ${rows}) g
      cross join lateral (select case when g > ${rows - big} then ${ENTERPRISES} else 1 + g % ${ENTERPRISES - 1} end as e) pick
      join bench_ent ent on ent.e = pick.e
      join bench_counties home on home.code = ent.county_code
      join bench_counties c on c.i = case when g % 7 = 0 then (home.i + g % 97) % (select count(*) from bench_counties) else home.i end
      join bench_inst inst on inst.code = c.code
      cross join lateral (select case when g % 10 < 6 then 'filed' when g % 10 = 6 then 'pending' when g % 10 = 7 then 'assigned'
                                      when g % 10 = 8 then 'returned' else 'none' end as status) fs
    `);
    for (const d of defs) await tx.unsafe(d.def);
  });
  // Outside the transaction: fresh statistics and a visibility map, as autovacuum leaves a live table.
  await sql.unsafe(`vacuum analyze instruments`);
  await sql.unsafe(`vacuum analyze organisations`);
}

/**
 * Opens the data set of `rows` instruments (`qjt_bench_1m` for a million), building it on first use or when it
 * holds another number of instruments; opening it applies any new migration. Shared by the benches that read it.
 * `dbName` names another copy of the data set (e.g. one made with `create database … template qjt_bench_1m`).
 */
export async function openBenchDataSet(url: string, rows: number, dbName?: string): Promise<Database> {
  const name = dbName ?? (rows === 1_000_000 ? "qjt_bench_1m" : `qjt_bench_${rows}`);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const target = new URL(url);
  target.pathname = `/${name}`;

  const [exists] = await admin`select 1 as ok from pg_database where datname = ${name}`;
  let fresh = !exists;
  if (exists) {
    const probe = postgres(target.toString(), { max: 1, onnotice: () => {} });
    const [r] = await probe`select count(*)::int as n from instruments where serial_no like 'BN-%'`.catch(() => [{ n: -1 }]);
    await probe.end();
    if (r!.n !== rows) {
      console.log(`${name} holds ${r!.n} bench instruments, not ${rows}: rebuilding`);
      await admin.unsafe(`drop database ${name} with (force)`);
      fresh = true;
    }
  }
  if (fresh) await admin.unsafe(`create database ${name}`);
  await admin.end();

  const t0 = performance.now();
  const database = await openDb({ url: target.toString() });
  await prepareData(database, { demo: fresh });
  console.log(`opened ${name} (migrations applied) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const raw = postgres(target.toString(), { max: 1, onnotice: () => {} });
  try {
    if (fresh) {
      const t1 = performance.now();
      await buildDataSet(raw, rows);
      console.log(`built ${rows} instruments in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    } else {
      // A reused data set may just have been migrated: a migration that rewrites the table (a column type
      // change) clears the visibility map, and index-only counts then fetch every heap row until autovacuum
      // runs. Measure the steady state a live table is in, as the fresh build does.
      await raw.unsafe(`vacuum analyze instruments`);
      await raw.unsafe(`vacuum analyze organisations`);
    }
  } catch (err) {
    await database.close();
    throw err;
  } finally {
    await raw.end();
  }
  return database;
}
