// Issue 14 item 1: `npm run gen` at a tiny N into fresh databases — counts, consistency between the tables,
// the statistics layer right after generation, and reproducibility (same seed → same rows). No timing.
import { randomBytes } from "node:crypto";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openGenDataSet, withDatabase } from "../../scripts/gen/dataset";

const SERVER = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const N = 2000;
const names = [1, 2, 3].map((i) => `qjt_test_gen_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}_${i}`);
let a: Sql;
const quiet = () => {};

async function build(name: string, seed: number) {
  const { database, url } = await openGenDataSet({ url: SERVER, dbName: name, instruments: N, seed, today: "2026-12-01", log: quiet });
  await database.close();
  return postgres(url, { max: 1, onnotice: quiet });
}

const one = async (sql: Sql, text: string) => Number(((await sql.unsafe(text)) as unknown as [{ n: string | number }])[0].n);
const fingerprint = (sql: Sql) =>
  sql.unsafe(`select md5(string_agg(concat_ws('|', i.serial_no, o.uscc, i.county_code, i.filing_status, i.valid_until, i.label_token, i.tags::text), ',' order by i.id)) as n
              from instruments i join organisations o on o.id = i.enterprise_id where o.uscc like 'GENE%'`).then((r) => (r[0] as unknown as { n: string }).n);

beforeAll(async () => {
  a = await build(names[0]!, 1);
}, 180_000);

afterAll(async () => {
  await a?.end();
  const admin = postgres(withDatabase(SERVER, "postgres"), { max: 1, onnotice: quiet });
  for (const n of names) await admin.unsafe(`drop database if exists ${n} with (force)`);
  await admin.end();
});

describe("issue 14 #1 — data generator", () => {
  it("fills N instruments over Guangdong counties, with one huge enterprise of N/10 and many small ones", async () => {
    expect(await one(a, `select count(*) as n from instruments i join organisations o on o.id = i.enterprise_id where o.uscc like 'GENE%'`)).toBe(N);
    const sizes = (await a.unsafe(`select count(i.id)::int as n from organisations o left join instruments i on i.enterprise_id = o.id
                                   where o.uscc like 'GENE%' group by o.id order by o.id desc`)) as unknown as { n: number }[];
    expect(sizes[0]!.n).toBe(N / 10); // the last one is the huge one
    expect(sizes.length).toBe(Math.ceil(N / 250));
    expect(await one(a, `select count(distinct county_code) as n from instruments`)).toBeGreaterThan(5);
    // Every Guangdong county has a legal county institution with capabilities and slots.
    expect(await one(a, `select count(*) as n from regions r where r.level = 'county' and r.province_code = '44' and not exists (
      select 1 from organisations o where o.kind = 'institution' and o.level = 'county' and o.county_code = r.code and o.status = 'approved')`)).toBe(0);
    expect(await one(a, `select count(*) as n from organisations o where o.uscc like 'GENI%' and not exists (select 1 from institution_capabilities c where c.institution_id = o.id)`)).toBe(0);
    expect(await one(a, `select count(*) as n from organisations o where o.uscc like 'GENI%' and not exists (select 1 from appointment_slots s where s.institution_id = o.id)`)).toBe(0);
  });

  it("keeps the tables consistent: filings, appointments, results, certificates and labels follow the instruments", async () => {
    // Foreign keys were not checked during the bulk load: check them here.
    for (const [t, c, p] of [["instruments", "enterprise_id", "organisations"], ["instruments", "institution_id", "organisations"], ["filings", "instrument_id", "instruments"],
      ["appointment_items", "appointment_id", "appointments"], ["appointment_items", "instrument_id", "instruments"], ["results", "appointment_item_id", "appointment_items"],
      ["certificates", "result_id", "results"], ["appointments", "slot_id", "appointment_slots"]] as const) {
      expect(await one(a, `select count(*) as n from ${t} x where x.${c} is not null and not exists (select 1 from ${p} y where y.id = x.${c})`), `${t}.${c}`).toBe(0);
    }
    const gen = `instruments i join organisations o on o.id = i.enterprise_id and o.uscc like 'GENE%'`;
    expect(await one(a, `select count(*) as n from ${gen} where i.filing_status <> 'none' and not exists (select 1 from filings f where f.instrument_id = i.id)`)).toBe(0);
    expect(await one(a, `select count(*) as n from ${gen} where i.filing_status = 'filed' and (i.instrument_code is null or i.label_token is null)`)).toBe(0);
    expect(await one(a, `select count(*) as n from filings f join instruments i on i.id = f.instrument_id where f.state::text <> i.filing_status::text`)).toBe(0);
    // Each verified instrument: a done item, a result, a certificate (or fail notice) whose number and validity the ledger shows.
    const results = await one(a, `select count(*) as n from results`);
    expect(results).toBeGreaterThan(N / 2);
    expect(await one(a, `select count(*) as n from certificates`)).toBe(results);
    expect(await one(a, `select count(*) as n from certificates c join ${gen} on i.id = c.instrument_id
                         where c.number is distinct from i.certificate_no or c.valid_until is distinct from i.valid_until`)).toBe(0);
    expect(await one(a, `select count(*) as n from results r join ${gen} on i.id = r.instrument_id where (r.verdict = 'fail') <> (i.failed_since is not null)`)).toBe(0);
    expect(await one(a, `select count(*) as n from certificates where token !~ '^[A-Za-z0-9_-]{16,64}$'`)).toBe(0);
    // Open appointments hold their places in slot_usage; their instruments show the appointment flow.
    expect(await one(a, `select count(*) as n from appointment_items it join instruments i on i.id = it.instrument_id where it.state = 'booked' and i.flow_status is distinct from 'appointment'`)).toBe(0);
    expect(await one(a, `select count(*) as n from (select institution_id, day, slot_id, method, sum(instrument_count) as c from appointments
                         where number like 'G%' and state = 'confirmed' group by 1, 2, 3, 4) o
                         where not exists (select 1 from slot_usage u where (u.institution_id, u.day, u.slot_id, u.method) = (o.institution_id, o.day, o.slot_id, o.method) and u.used >= o.c)`)).toBe(0);
    expect(await one(a, `select count(*) as n from appointments where number like 'G%' and state = 'confirmed'`)).toBeGreaterThan(0);
    // Sequences continue after the explicit ids: the app's next insert does not collide.
    expect(await one(a, `select (select last_value from pg_sequences where sequencename = 'instruments_id_seq') - (select max(id) from instruments) as n`)).toBe(0);
  });

  it("leaves the statistics layer (R-STAT-1 cells) equal to the rows", async () => {
    expect(await one(a, `select sum(n) as n from stat_region_cells where not fine`)).toBe(await one(a, `select count(*) as n from instruments`));
    expect(await one(a, `select sum(n) as n from stat_city_cells where not fine and filed`)).toBe(await one(a, `select count(*) as n from instruments where filing_status = 'filed'`));
    expect(await one(a, `select sum(n) as n from stat_verification_cells`)).toBe(await one(a, `select count(*) as n from results`));
    // The county view's per-enterprise totals: exactly one row per enterprise with instruments, its own count.
    expect(await one(a, `select count(*) as n from (select enterprise_id, county_code, count(*) as c from instruments group by 1, 2) d
      full join stat_enterprise_totals t using (enterprise_id, county_code) where t.n is distinct from d.c`)).toBe(0);
    // The ledger's count cells (migration 0024): per enterprise × tag ('' = all) × status × validity day.
    expect(await one(a, `select count(*) as n from (
        select enterprise_id, tag, status, coalesce(valid_until, 'infinity'::date) as valid_until, count(*) as c
        from (select i.*, '' as tag from instruments i
              union all select i.*, t.tag from instruments i cross join lateral (select distinct u as tag from unnest(i.tags) u where u <> '') t) x
        group by 1, 2, 3, 4) d
      full join stat_ledger_cells t using (enterprise_id, tag, status, valid_until) where t.n is distinct from d.c`)).toBe(0);
    expect(await one(a, `select count(*) as n from stat_ledger_cells where tag <> ''`)).toBeGreaterThan(0);
    // What is with each institution (0025), per county and in all: its month cells equal the instruments.
    const d = `select institution_id, county_code, filing_status = 'filed' as filed, failed_since is not null as failed,
      case when valid_until is not null then 'v' when filing_approved_on is not null then 'a' else 'u' end as day_kind,
      date_trunc('month', coalesce(valid_until, filing_approved_on, date '2000-01-01'))::date as day from instruments where institution_id is not null`;
    const keys = "institution_id, filed, failed, day_kind, day";
    expect(await one(a, `select count(*) as n from (select ${keys}, county_code, count(*) as c from (${d}) d group by ${keys}, county_code) d
      full join (select * from stat_institution_region_cells where not fine) t using (${keys}, county_code) where t.n is distinct from d.c`)).toBe(0);
    expect(await one(a, `select count(*) as n from (select ${keys}, count(*) as c from (${d}) d group by ${keys}) d
      full join (select * from stat_institution_cells where not fine) t using (${keys}) where t.n is distinct from d.c`)).toBe(0);
    expect(await one(a, `select count(*) as n from stat_institution_cells`)).toBeGreaterThan(0);
  });

  it("is reproducible: the same seed gives the same rows, another seed other rows", async () => {
    const b = await build(names[1]!, 1);
    const c = await build(names[2]!, 2);
    try {
      const fa = await fingerprint(a);
      expect(await fingerprint(b)).toBe(fa);
      expect(await fingerprint(c)).not.toBe(fa);
    } finally {
      await b.end();
      await c.end();
    }
  }, 180_000);
});
