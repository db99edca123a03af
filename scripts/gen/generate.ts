// The one data generator (issue 14 item 1): `npm run gen`, the benches (scripts/bench/*) and its own
// integration test all build their data set here. Everything is written server-side with INSERT … SELECT over
// generate_series, in one transaction, with explicit ids; every random choice is `hashint8extended(key, seed)`
// of a row number, so the same --instruments, --seed and --today give the same rows, whatever the machine.
//
// Shape (Guangdong, on top of the app's reference data and demo seed, which are reused):
// - institutions: one legal city institution per city and one legal county institution per county, except where
//   the demo already has one; each with capabilities (every compulsory kind, send-in; on-site for some kinds),
//   two appointment slots and a few closed days;
// - enterprises: one per 250 instruments over all counties; sizes log-normal (most small, a few large), 2% still
//   pending registration with no instrument; the last one is huge (10% of all instruments, 白云区 440111);
// - instruments: one in seven located in another county than its enterprise; filing status filed 70% / pending
//   6% / assigned 4% / returned 3% / none 17%; filed with the legal county institution of their county (5% with
//   the authorised demo institution, 5% with the Guangzhou city institute);
// - filings: one per instrument that was ever submitted, in the state the instrument shows;
// - appointments: 80% of filed instruments were verified, in batches of up to 20 per enterprise, institution and
//   method on one working day within the last verification period (some now overdue); each such instrument has a
//   done appointment item, a result (3% fail) and a certificate or fail notice with a public token; the
//   instruments whose validity ends within 30 days are booked again (30%) in an open, confirmed appointment;
// - filed instruments carry their 器具编码 and label token; valid_until / certificate_no / failed_since follow
//   their result;
// - the statistics layer (drizzle/0009) is recomputed by its own backfill statement at the end.
import type { Sql } from "postgres";

export type GenOptions = {
  instruments: number;
  seed?: number;
  /** China day the data is "as of" (YYYY-MM-DD); default today in Asia/Shanghai. */
  today?: string;
  log?: (line: string) => void;
};

export type GenSummary = { instruments: number; enterprises: number; seed: number; today: string; seconds: number };

export const INSTRUMENTS_PER_ENTERPRISE = 250;

export function chinaToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

/** Comment the generator leaves on the database: which data set it holds (read back by openGenDataSet). */
export function genMarker(o: { instruments: number; seed: number }) {
  return `qjt-gen v1 instruments=${o.instruments} seed=${o.seed}`;
}

// Realistic words for names (no full-width brackets: the normalised columns are plain lower()).
const WORDS = ["恒达", "鸿运", "安信", "金源", "华南", "粤海", "兴业", "广利", "丰泰", "新城", "德润", "嘉禾", "宏图", "益民", "南方", "康泰", "永盛", "中联", "东江", "珠江"];
const SECTORS = ["加油站", "燃气有限公司", "人民医院", "社区卫生服务中心", "超市有限公司", "农贸市场", "供水有限公司", "物流有限公司", "化工有限公司", "电力工程有限公司", "食品有限公司", "五金制品厂"];
const MANUFACTURERS = ["正星科技股份有限公司", "托肯恒山科技有限公司", "宁波水表股份有限公司", "三川智慧科技股份有限公司", "金卡智能集团股份有限公司", "威星智能仪表股份有限公司", "大连互感器有限公司", "江苏靖江互感器股份有限公司", "江苏鱼跃医疗设备股份有限公司", "天津市医用玻璃仪器厂", "上海大华衡器有限公司", "梅特勒托利多仪器有限公司"];
const PLACES = ["号加油岛", "号车间", "号化验室", "号仓库", "号门诊楼", "号泵房", "号计量间", "号营业厅"];
const TAGS = ["一期", "二期", "A区", "B区", "C区", "重点", "备用", "北厂", "南厂", "东区", "西区", "新购"];
const PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "黄磊", "赵敏", "周杰", "吴刚", "徐丽", "孙浩"];

const arr = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]::text[]`;

export async function generate(sql: Sql, o: GenOptions): Promise<GenSummary> {
  const N = o.instruments;
  if (!Number.isInteger(N) || N < 100) throw new Error("--instruments must be an integer ≥ 100");
  const seed = o.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000) throw new Error("--seed must be an integer 0…1000000");
  const today = o.today ?? chinaToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error("--today must be YYYY-MM-DD");
  const log = o.log ?? (() => {});
  const E = Math.max(5, Math.ceil(N / INSTRUMENTS_PER_ENTERPRISE));
  const BIG = Math.floor(N / 10);
  const M = N - BIG;
  const t0 = performance.now();
  let tStep = t0;

  await sql.begin(async (tx) => {
    const q = (text: string) => tx.unsafe(text);
    // Bulk load: no per-row foreign-key checks and no per-statement statistics triggers (the statistics are
    // recomputed once at the end); unique indexes are rebuilt afterwards and would fail on a duplicate.
    await q(`set local session_replication_role = replica`);
    await q(`set local work_mem = '256MB'`);
    await q(`set local maintenance_work_mem = '512MB'`);
    await q(`
      create function pg_temp.u(k bigint, s int) returns float8 language sql immutable parallel safe as
        $$ select ((hashint8extended(k, ${seed}::bigint * 1000 + s) >> 11) & 4503599627370495)::float8 / 4503599627370496.0 $$;
      create function pg_temp.r(k bigint, s int, n int) returns int language sql immutable parallel safe as
        $$ select floor(pg_temp.u(k, s) * n)::int $$;
      create function pg_temp.tok(k text) returns text language sql immutable parallel safe as
        $$ select translate(encode(substr(sha256(convert_to(k || ':' || ${seed}, 'UTF8')), 1, 18), 'base64'), '+/', '-_') $$;
    `);
    const stepRun = async (label: string, text: string) => {
      await tx.unsafe(text);
      const now = performance.now();
      log(`  ${label.padEnd(34)} ${((now - tStep) / 1000).toFixed(1).padStart(6)} s`);
      tStep = now;
    };

    await stepRun("regions, institutions", `
      create temp table gen_counties on commit drop as
        select (row_number() over (order by code))::int - 1 as i, code, name, city_code, province_code
        from regions where level = 'county' and province_code = '44';
      create temp table gen_cities on commit drop as select code, name from regions where level = 'city' and province_code = '44';
      insert into organisations (kind, institution_kind, name, code, level, region_code, province_code, city_code, status, uscc, address, contact_phone, reviewed_at, submitted_at)
        select 'institution', 'legal', c.name || '计量检定测试所', 'G' || c.code, 'city', c.code, '44', c.code, 'approved', 'GENI' || lpad(c.code, 14, '0'),
          c.name || '计量大道 ' || (1 + pg_temp.r(c.code::bigint, 1, 200)) || ' 号', '020-' || (80000000 + pg_temp.r(c.code::bigint, 2, 9999999)), now(), now()
        from gen_cities c
        where not exists (select 1 from organisations o where o.kind = 'institution' and o.institution_kind = 'legal' and o.level = 'city' and o.status = 'approved' and o.city_code = c.code)
        order by c.code;
      insert into organisations (kind, institution_kind, name, code, level, region_code, province_code, city_code, county_code, status, uscc, address, contact_phone, reviewed_at, submitted_at)
        select 'institution', 'legal', ci.name || c.name || '计量检定所', 'G' || c.code, 'county', c.code, '44', c.city_code, c.code, 'approved', 'GENI' || lpad(c.code, 14, '0'),
          c.name || '检测路 ' || (1 + pg_temp.r(c.code::bigint, 3, 200)) || ' 号', '0' || (750 + pg_temp.r(c.code::bigint, 4, 50)) || '-' || (8000000 + pg_temp.r(c.code::bigint, 5, 999999)), now(), now()
        from gen_counties c join gen_cities ci on ci.code = c.city_code
        where not exists (select 1 from organisations o where o.kind = 'institution' and o.institution_kind = 'legal' and o.level = 'county' and o.status = 'approved' and o.county_code = c.code)
        order by c.code;
      create temp table gen_county_inst on commit drop as
        select distinct on (county_code) county_code as code, id from organisations
        where kind = 'institution' and institution_kind = 'legal' and level = 'county' and status = 'approved' and province_code = '44'
        order by county_code, id;
      create temp table gen_city_inst on commit drop as
        select distinct on (city_code) city_code as code, id from organisations
        where kind = 'institution' and institution_kind = 'legal' and level = 'city' and status = 'approved' and province_code = '44'
        order by city_code, id;
      create temp table gen_kinds on commit drop as
        select (row_number() over (order by k.id))::int - 1 as i, k.id, k.item_id, k.name, k.purposes, coalesce(k.period_months, 12) as period,
          (case when k.id % 3 = 1 then 'on_site' else 'send_in' end)::method as method
        from catalogue_kinds k join catalogue_versions v on v.id = k.version_id
        where v.is_current and cardinality(k.purposes) > 0;
      -- Capabilities, slots and closed days of the generated institutions (the demo ones keep theirs).
      insert into institution_capabilities (institution_id, kind_id, method, daily_capacity)
        select o.id, k.id, m.m, case when pg_temp.u(o.id * 100 + k.id, 6) < 0.3 then 100 end
        from organisations o cross join gen_kinds k
        cross join lateral (select k.method as m union select 'send_in'::method where pg_temp.u(o.id * 100 + k.id, 7) < 0.5) m
        where o.uscc like 'GENI%'
        on conflict do nothing;
      insert into appointment_slots (institution_id, label, start_time, end_time, capacity_send_in, capacity_on_site)
        select o.id, s.label, s.st, s.en, 200, 50
        from organisations o cross join (values ('上午', '08:30', '12:00'), ('下午', '14:00', '17:30')) s(label, st, en)
        where o.kind = 'institution' and o.status = 'approved' and not exists (select 1 from appointment_slots x where x.institution_id = o.id)
        order by o.id, s.st;
      insert into institution_closed_days (institution_id, day, reason)
        select o.id, date '${today}' + 1 + pg_temp.r(o.id * 10 + d, 8, 90), '设备检修'
        from organisations o cross join generate_series(1, 3) d where o.uscc like 'GENI%'
        on conflict do nothing;
    `);
    const [{ c: counties }] = (await tx.unsafe(`select count(*)::int as c from gen_counties`)) as unknown as [{ c: number }];
    if (!counties) throw new Error("没有广东省县级行政区划：请先运行应用的参考数据种子");

    await stepRun("enterprises", `
      create temp table gen_ent on commit drop as
        select e, w, county_i,
          coalesce(floor(sum(w) over (order by e rows between unbounded preceding and 1 preceding) / sum(w) over () * ${M}), 0)::bigint + 1 as lo,
          floor(sum(w) over (order by e) / sum(w) over () * ${M})::bigint as hi
        from (
          select e,
            case when e = ${E} or e % 50 = 0 then 0
                 else exp(1.6 * sqrt(-2 * ln(1 - pg_temp.u(e, 10))) * cos(2 * pi() * pg_temp.u(e, 11))) end as w,
            case when e = ${E} then (select i from gen_counties where code = '440111') else pg_temp.r(e, 12, ${counties}) end as county_i
          from generate_series(1, ${E}) e
        ) x;
      update gen_ent set lo = ${M} + 1, hi = ${N} where e = ${E};
      insert into organisations (kind, name, region_code, province_code, city_code, county_code, status, uscc, address, contact_phone,
          enterprise_type, legal_representative, submitted_at, reviewed_at)
        select 'enterprise',
          replace(c.name, '区', '') || (${arr(WORDS)})[1 + pg_temp.r(e.e, 13, ${WORDS.length})] || (${arr(SECTORS)})[1 + pg_temp.r(e.e, 14, ${SECTORS.length})]
            || case when pg_temp.u(e.e, 15) < 0.5 then '' else (1 + pg_temp.r(e.e, 16, 30))::text || '分店' end,
          c.code, c.province_code, c.city_code, c.code,
          (case when e.e % 50 = 0 and e.e <> ${E} then 'pending' else 'approved' end)::org_status,
          'GENE' || lpad(e.e::text, 14, '0'),
          c.name || (${arr(WORDS)})[1 + pg_temp.r(e.e, 17, ${WORDS.length})] || '路 ' || (1 + pg_temp.r(e.e, 18, 300)) || ' 号',
          '13' || lpad(pg_temp.r(e.e, 19, 999999999)::text, 9, '0'), '有限责任公司', (${arr(PEOPLE)})[1 + pg_temp.r(e.e, 20, ${PEOPLE.length})],
          timestamptz '${today} 09:00+08' - (pg_temp.r(e.e, 21, 1500) || ' days')::interval,
          timestamptz '${today} 10:00+08' - (pg_temp.r(e.e, 21, 1500) || ' days')::interval
        from gen_ent e join gen_counties c on c.i = e.county_i
        order by e.e;
      create temp table gen_ent_ids on commit drop as
        select (substr(uscc, 5))::int as e, id from organisations where uscc like 'GENE%';
      create temp table gen_ranges on commit drop as
        select g.e, g.lo, g.hi, i.id, g.county_i from gen_ent g join gen_ent_ids i using (e) where g.hi >= g.lo;
      create index on gen_ranges (lo);
      analyze gen_ranges;
    `);

    // Secondary indexes of the big tables are dropped for the load and rebuilt after it: one sort per index
    // instead of millions of index insertions.
    const big = ["instruments", "filings", "appointments", "appointment_items", "results", "certificates"];
    const defs = (await tx.unsafe(`
      select tablename as t, indexname as name, indexdef as def from pg_indexes
      where schemaname = 'public' and tablename in (${big.map((t) => `'${t}'`).join(",")})
        and indexname not in (select conname from pg_constraint)`)) as unknown as { t: string; name: string; def: string }[];
    for (const d of defs) await tx.unsafe(`drop index "${d.name}"`);
    const base = async (t: string) => ((await tx.unsafe(`select coalesce(max(id), 0)::bigint as b from ${t}`)) as unknown as [{ b: string }])[0].b;
    const [bI, bF, bA, bIt, bR, bC] = [await base("instruments"), await base("filings"), await base("appointments"), await base("appointment_items"), await base("results"), await base("certificates")];

    await stepRun("instrument plan", `
      create temp table gen_i on commit drop as
        select g, ${bI} + g as id, ent.id as ent_id, c.code as county, c.city_code, c.province_code,
          k.id as kind_id, k.name as kind_name, k.purposes[1 + pg_temp.r(g, 22, cardinality(k.purposes))] as purpose, k.period, k.method,
          fs.s as fs,
          case when fs.s in ('filed', 'pending', 'assigned') then
            case when pg_temp.u(g, 23) < 0.05 then coalesce((select id from organisations where code = 'SLJC' and status = 'approved' limit 1), ci.id)
                 when pg_temp.u(g, 23) < 0.10 then coalesce((select id from organisations where code = 'GZJL' and status = 'approved' limit 1), ci.id)
                 else ci.id end end as inst_id,
          fs.s = 'filed' and pg_temp.u(g, 24) < 0.8 as verified,
          pg_temp.u(g, 25) < 0.03 as fails
        from generate_series(1, ${N}) g
        cross join lateral (select r.id, r.county_i, r.e from gen_ranges r where r.lo <= g order by r.lo desc limit 1) ent
        join gen_counties home on home.i = ent.county_i
        join gen_counties c on c.i = case when pg_temp.u(g, 26) < 1.0 / 7 then (home.i + 1 + pg_temp.r(g, 27, ${counties} - 1)) % ${counties} else home.i end
        join gen_county_inst ci on ci.code = c.code
        join gen_kinds k on k.i = case when pg_temp.u(g, 28) < 0.7 then pg_temp.r(ent.e, 29, (select count(*)::int from gen_kinds))
                                       else pg_temp.r(g, 30, (select count(*)::int from gen_kinds)) end
        cross join lateral (select case when x < 0.70 then 'filed' when x < 0.76 then 'pending' when x < 0.80 then 'assigned'
                                        when x < 0.83 then 'returned' else 'none' end as s from (select pg_temp.u(g, 31) as x) u) fs;
      -- Verification batches: up to 20 instruments of one enterprise, institution and method on one working day.
      create temp table gen_v on commit drop as
        select v.*, row_number() over (order by v.g) as rn,
          dense_rank() over (order by v.ent_id, v.inst_id, v.method, v.batch) as an
        from (
          select g, id, ent_id, inst_id, method, period, fails,
            (row_number() over (partition by ent_id, inst_id, method order by g) - 1) / 20 as batch
          from gen_i where verified
        ) v;
      create temp table gen_a on commit drop as
        select an, ${bA} + an as id, ent_id, inst_id, method, count(*)::int as n,
          (d - case extract(isodow from d) when 6 then 1 when 7 then 2 else 0 end)::date as day
        from (
          select an, ent_id, inst_id, method, min(period) as period,
            date '${today}' - 1 - pg_temp.r(hashtextextended(ent_id || ':' || inst_id || ':' || method || ':' || batch, 0), 32, (min(period) * 33)) as d
          from gen_v group by an, ent_id, inst_id, method, batch
        ) x group by an, ent_id, inst_id, method, d;
      create temp table gen_vd on commit drop as
        select v.*, a.id as appointment_id, a.day as verified_on,
          case when not v.fails then (a.day + (v.period || ' months')::interval - interval '1 day')::date end as valid_until
        from gen_v v join gen_a a using (an);
      -- The instruments whose validity ends within 30 days: 30% are booked again.
      create temp table gen_open on commit drop as
        select vd.*, dense_rank() over (order by vd.ent_id, vd.inst_id, vd.method) as on_n
        from gen_vd vd where vd.valid_until between date '${today}' and date '${today}' + 30 and pg_temp.u(vd.g, 33) < 0.3;
    `);

    await stepRun("instruments", `
      insert into instruments (id, enterprise_id, name, model, serial_no, manufacturer, install_location, province_code, city_code, county_code,
          purchase_date, status, purpose, method, kind_id, institution_id, instrument_code, filing_status, flow_status, certificate_no,
          valid_until, filing_approved_on, failed_since, label_token, tags, manufacturer_norm, serial_norm, created_at, updated_at)
        overriding system value
        select i.id, i.ent_id, i.kind_name, m.model, m.serial, m.mfr,
          (1 + pg_temp.r(i.g, 40, 30)) || (${arr(PLACES)})[1 + pg_temp.r(i.ent_id, 41, ${PLACES.length})],
          i.province_code, i.city_code, i.county, d.created - 30 - pg_temp.r(i.g, 42, 300),
          (case when i.fs = 'none' and pg_temp.u(i.g, 43) < 0.6 then 'new' when pg_temp.u(i.g, 44) < 0.03 then 'stopped' else 'in_use' end)::instrument_status,
          i.purpose, i.method, i.kind_id, i.inst_id,
          case when i.fs = 'filed' then 'G' || i.county || lpad(i.g::text, 9, '0') end,
          i.fs::filing_status,
          (case when o.g is not null then 'appointment' when i.fs in ('pending', 'assigned') then 'filing' end)::flow_status,
          case when vd.g is not null then 'G' || case when vd.fails then 'F' else 'C' end || to_char(vd.verified_on, 'YYYY') || lpad(vd.rn::text, 9, '0') end,
          vd.valid_until, d.approved, case when vd.fails then vd.verified_on end,
          case when i.fs = 'filed' then pg_temp.tok('L' || i.g) end,
          case when pg_temp.u(i.g, 45) < 0.3 then array[(${arr(TAGS)})[1 + (pg_temp.r(i.ent_id, 46, ${TAGS.length}) + pg_temp.r(i.g, 47, 3)) % ${TAGS.length}]] else '{}' end,
          lower(m.mfr), lower(m.serial),
          d.created::timestamptz, coalesce(d.approved, d.created)::timestamptz
        from gen_i i
        left join gen_vd vd on vd.g = i.g
        left join gen_open o on o.g = i.g
        cross join lateral (select
          (${arr(MANUFACTURERS)})[1 + (pg_temp.r(i.kind_id, 48, ${MANUFACTURERS.length}) + pg_temp.r(i.g, 49, 3)) % ${MANUFACTURERS.length}] as mfr,
          chr(65 + pg_temp.r(i.kind_id, 50, 26)) || chr(65 + pg_temp.r(i.g, 51, 26)) || '-' || (10 + pg_temp.r(i.kind_id, 52, 80)) as model,
          chr(65 + pg_temp.r(i.g, 53, 26)) || chr(65 + pg_temp.r(i.g, 54, 26)) || lpad(i.g::text, 9, '0') as serial) m
        cross join lateral (select
          case when vd.g is not null then vd.verified_on - 7 - pg_temp.r(i.g, 55, 120)
               when i.fs = 'filed' then date '${today}' - pg_temp.r(i.g, 56, 90) end as approved) a
        cross join lateral (select a.approved,
          coalesce(a.approved, date '${today}') - 3 - pg_temp.r(i.g, 57, 60) as created) d
        order by i.g;
    `);

    await stepRun("filings", `
      insert into filings (id, instrument_id, enterprise_id, institution_id, assigned_institution_id, state, return_reason, return_text,
          submitted_at, decided_at, approved_on, instrument_code, history, created_at, updated_at)
        overriding system value
        select ${bF} + row_number() over (order by i.id), i.id, i.enterprise_id, rv.id,
          case when i.filing_status in ('assigned', 'filed') and i.institution_id <> rv.id then i.institution_id end,
          i.filing_status::text::filing_state,
          case when i.filing_status = 'returned' then 'incomplete'::filing_return_reason end,
          case when i.filing_status = 'returned' then '请补充器具铭牌照片' end,
          i.created_at + interval '1 day',
          case when i.filing_status in ('filed', 'returned') then coalesce(i.filing_approved_on::timestamptz + interval '10 hours', i.created_at + interval '3 days') end,
          i.filing_approved_on, i.instrument_code, '[]'::jsonb, i.created_at + interval '1 day', coalesce(i.filing_approved_on::timestamptz, i.created_at)
        from instruments i
        join gen_city_inst cy on cy.code = i.city_code
        cross join lateral (select case when i.institution_id = (select id from organisations where code = 'SLJC' limit 1) then i.institution_id else cy.id end as id) rv
        where i.id > ${bI} and i.filing_status <> 'none';
    `);

    await stepRun("appointments, items", `
      insert into appointments (id, number, enterprise_id, institution_id, method, state, day, slot_id, slot_label, slot_start, slot_end,
          instrument_count, contact_name, contact_phone, created_by, submitted_at, confirmed_at, received_at, completed_at, history, created_at, updated_at)
        overriding system value
        select a.id, 'G' || to_char(a.day, 'YYYYMMDD') || lpad(a.id::text, 9, '0'), a.ent_id, a.inst_id, a.method, 'completed', a.day,
          s.id, s.label, s.start_time, s.end_time, 0, (${arr(PEOPLE)})[1 + pg_temp.r(a.ent_id, 60, ${PEOPLE.length})], '13800138000', null,
          a.day - 6 + interval '9 hours', a.day - 5 + interval '10 hours', a.day + interval '9 hours',
          least(a.day + 2, date '${today}') + interval '16 hours', '[]'::jsonb, a.day - 6 + interval '9 hours', least(a.day + 2, date '${today}') + interval '16 hours'
        from gen_a a cross join lateral (select * from appointment_slots x where x.institution_id = a.inst_id order by x.start_time, x.id limit 1) s
        order by a.id;
      insert into appointment_items (id, appointment_id, instrument_id, enterprise_id, state, received_at, closed_at, created_at, updated_at)
        overriding system value
        select ${bIt} + vd.rn, vd.appointment_id, vd.id, vd.ent_id, 'done', vd.verified_on + interval '9 hours', vd.verified_on + interval '15 hours',
          vd.verified_on - 6 + interval '9 hours', vd.verified_on + interval '15 hours'
        from gen_vd vd order by vd.rn;
      create temp table gen_oa on commit drop as
        select o.on_n, ${bA} + (select coalesce(max(an), 0) from gen_a) + o.on_n as id, o.ent_id, o.inst_id, o.method, count(*)::int as n,
          (d - case extract(isodow from d) when 6 then 1 when 7 then 2 else 0 end)::date as day
        from (select *, date '${today}' + 4 + pg_temp.r(on_n, 61, 20) as d from gen_open) o
        group by o.on_n, o.ent_id, o.inst_id, o.method, o.d;
      insert into appointments (id, number, enterprise_id, institution_id, method, state, day, slot_id, slot_label, slot_start, slot_end,
          instrument_count, contact_name, contact_phone, submitted_at, confirmed_at, history, created_at, updated_at)
        overriding system value
        select a.id, 'G' || to_char(a.day, 'YYYYMMDD') || lpad(a.id::text, 9, '0'), a.ent_id, a.inst_id, a.method, 'confirmed', a.day,
          s.id, s.label, s.start_time, s.end_time, a.n, (${arr(PEOPLE)})[1 + pg_temp.r(a.ent_id, 60, ${PEOPLE.length})], '13800138000',
          timestamptz '${today} 09:00+08' - interval '2 days', timestamptz '${today} 09:00+08' - interval '1 day', '[]'::jsonb,
          timestamptz '${today} 09:00+08' - interval '2 days', timestamptz '${today} 09:00+08' - interval '1 day'
        from gen_oa a cross join lateral (select * from appointment_slots x where x.institution_id = a.inst_id order by x.start_time, x.id limit 1) s
        order by a.id;
      insert into appointment_items (id, instrument_id, appointment_id, enterprise_id, state, created_at, updated_at)
        overriding system value
        select ${bIt} + (select count(*) from gen_vd) + row_number() over (order by o.g), o.id, a.id, o.ent_id, 'booked', timestamptz '${today} 09:00+08' - interval '2 days', timestamptz '${today} 09:00+08' - interval '2 days'
        from gen_open o join gen_oa a using (on_n) order by o.g;
      insert into slot_usage (institution_id, day, slot_id, method, used)
        select a.institution_id, a.day, a.slot_id, a.method, sum(a.instrument_count)
        from appointments a where a.id in (select id from gen_oa) group by 1, 2, 3, 4
        on conflict (institution_id, day, slot_id, method) do update set used = slot_usage.used + excluded.used;
    `);

    await stepRun("results, certificates", `
      insert into results (id, appointment_item_id, appointment_id, instrument_id, enterprise_id, institution_id, verdict, verified_on, valid_until,
          verifier, checker, approver, conclusion, created_at, updated_at)
        overriding system value
        select ${bR} + vd.rn, ${bIt} + vd.rn, vd.appointment_id, vd.id, vd.ent_id, vd.inst_id, (case when vd.fails then 'fail' else 'pass' end)::verdict,
          vd.verified_on, vd.valid_until,
          (${arr(PEOPLE)})[1 + pg_temp.r(vd.inst_id, 62, ${PEOPLE.length})], (${arr(PEOPLE)})[1 + pg_temp.r(vd.inst_id, 63, ${PEOPLE.length})],
          (${arr(PEOPLE)})[1 + pg_temp.r(vd.inst_id, 64, ${PEOPLE.length})],
          case when vd.fails then '示值误差超出最大允许误差' else '符合检定规程要求' end,
          vd.verified_on + interval '14 hours', vd.verified_on + interval '14 hours'
        from gen_vd vd order by vd.rn;
      insert into certificates (id, kind, number, token, state, result_id, instrument_id, enterprise_id, institution_id, appointment_id,
          issued_on, verified_on, valid_until, snapshot, created_at)
        overriding system value
        select ${bC} + vd.rn, (case when vd.fails then 'fail_notice' else 'certificate' end)::certificate_kind, i.certificate_no,
          pg_temp.tok('C' || vd.rn), 'issued', ${bR} + vd.rn, vd.id, vd.ent_id, vd.inst_id, vd.appointment_id,
          vd.verified_on, vd.verified_on, vd.valid_until,
          jsonb_build_object(
            'instrument', jsonb_build_object('name', i.name, 'model', i.model, 'serialNo', i.serial_no, 'manufacturer', i.manufacturer,
              'instrumentCode', i.instrument_code, 'measuringRange', null, 'accuracyClass', null, 'kindName', i.name),
            'userUnit', jsonb_build_object('name', e.name, 'address', e.address),
            'institution', jsonb_build_object('name', s.name, 'code', s.code, 'address', s.address, 'contactPhone', s.contact_phone,
              'authorisationCertNo', s.authorisation_cert_no),
            'verifier', r.verifier, 'checker', r.checker, 'approver', r.approver, 'conclusion', r.conclusion),
          vd.verified_on + interval '15 hours'
        from gen_vd vd join instruments i on i.id = vd.id join organisations e on e.id = vd.ent_id join organisations s on s.id = vd.inst_id
          join results r on r.id = ${bR} + vd.rn
        order by vd.rn;
    `);

    for (const t of big) await tx.unsafe(`select setval(pg_get_serial_sequence('${t}', 'id'), greatest((select max(id) from ${t}), 1))`);
    for (const d of defs) await tx.unsafe(d.def);
    log(`  ${"indexes rebuilt".padEnd(34)} ${((performance.now() - tStep) / 1000).toFixed(1).padStart(6)} s`);
    tStep = performance.now();

    await stepRun("users of the huge enterprise", `
      insert into users (username, password_hash, display_name, role, org_id, phone)
        select 'genbig', u.password_hash, '大型企业管理员', 'enterprise', (select id from gen_ent_ids where e = ${E}), '13900000000'
        from users u where u.username = 'jyzqy'
        on conflict do nothing;
      insert into memberships (user_id, org_id, member_role, status)
        select u.id, u.org_id, 'owner', 'approved' from users u where u.username = 'genbig'
        on conflict do nothing;
    `);

    // The statistics layer (drizzle/0009, 0025) and the ledger's count cells (0024): recomputed from all rows by the
    // migrations' own backfill statements.
    await stepRun("statistics backfill", `
      delete from stat_instrument_cells; delete from stat_region_cells; delete from stat_city_cells;
      delete from stat_enterprise_region_cells; delete from stat_enterprise_cells; delete from stat_verification_cells;
      delete from stat_enterprise_totals; delete from stat_enterprise_filing; delete from stat_institution_totals; delete from stat_institution_enterprises;
      delete from stat_ledger_cells;
      do $do$ begin execute stat_instruments_sql('select *, 1 as s from instruments'); end $do$;
      do $do$ begin execute stat_ledger_sql('select enterprise_id, tags, status, valid_until, 1 as s from instruments'); end $do$;
      select stat_institution_cells_backfill();
      do $do$ begin execute stat_results_sql('select instrument_id, institution_id, verified_on, verdict, 1 as s from results'); end $do$;
    `);
    const db = ((await tx.unsafe(`select current_database() as d`)) as unknown as [{ d: string }])[0].d;
    await tx.unsafe(`comment on database "${db}" is '${genMarker({ instruments: N, seed })}'`);
  });
  const tv = performance.now();
  await sql.unsafe(`vacuum analyze`);
  log(`  ${"vacuum analyze".padEnd(34)} ${((performance.now() - tv) / 1000).toFixed(1).padStart(6)} s`);
  return { instruments: N, enterprises: E, seed, today, seconds: (performance.now() - t0) / 1000 };
}
