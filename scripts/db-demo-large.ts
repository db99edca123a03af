// `npm run db:demo-large` (issue 12 item 9): demo data big enough for the statistics to mean something — a
// legal institute in each of Guangdong's 21 cities, 420 enterprises over all its counties, 8,400 instruments
// and a year of appointments and results — added to the database the server uses (after the reference and
// demo data). Reproducible: every choice comes from PostgreSQL's random() after setseed(0.2026), in statements
// whose row order is fixed; the rows are written by set-based INSERT … SELECT, never one by one. Never run by
// the default start; run it once on a stopped server (it refuses a second time and while the server holds the
// embedded database). It also puts 800 instruments due in one week with the Shenzhen city institute — more than
// its calendar takes — so 负荷预测 shows an over-capacity week.
import { sql } from "drizzle-orm";
import { config } from "../src/server/config";
import { lockHolder } from "../src/server/db/lock";
import { openDb } from "../src/server/db/open";
import { prepareData, wantsDemo } from "../src/server/seed/prepare";
import { chinaToday } from "../src/lib/china-day";
import { forecastWeeks } from "../src/server/services/statistics/forecast";

const ENTERPRISES_PER_CITY = 20;
const INSTRUMENTS = 8400;

async function main() {
  const url = config.databaseUrl;
  if (!url) {
    const holder = lockHolder(config.pgliteDir);
    if (holder !== null) {
      console.error(`数据目录 ${config.pgliteDir} 正被进程 ${holder} 使用：请先停止服务器，再运行 npm run db:demo-large。`);
      process.exit(1);
    }
  }
  const database = await openDb({ url, dataDir: config.pgliteDir });
  try {
    await prepareData(database, { demo: wantsDemo(database.kind, config.seedDemo) });
    const today = chinaToday();
    const overWeek = forecastWeeks(today)[4]!.from;
    const t0 = performance.now();
    const exec = async (q: string) => database.db.execute(sql.raw(q));
    const [done] = rows(await exec(`select count(*)::int as n from organisations where uscc like 'DEMOL-%'`));
    if (Number(done!.n) > 0) {
      console.log("大规模演示数据已存在，未重复写入。");
      return;
    }
    await database.db.transaction(async (tx) => {
      // One statement per call (the embedded database's extended protocol takes one at a time).
      const run = async (q: string) => {
        for (const stmt of q.split(/;\s*\n/).map((x) => x.trim()).filter(Boolean)) await tx.execute(sql.raw(stmt));
      };
      await run(`select setseed(0.2026)`);
      await run(`
        create temp table dl_cities on commit drop as
          select code, row_number() over (order by code)::int as i from regions where level = 'city' and province_code = '44';
        create temp table dl_counties on commit drop as
          select code, city_code, row_number() over (partition by city_code order by code)::int as i, count(*) over (partition by city_code)::int as n
          from regions where level = 'county' and province_code = '44';
        -- A legal city institute wherever the city has none yet (Guangzhou keeps its demo institute).
        insert into organisations (kind, institution_kind, name, code, level, region_code, province_code, city_code, county_code, status, uscc, address, authorisation_cert_no, authorisation_valid_until)
          select 'institution', 'legal', r.name || '计量检测所（演示）', 'DL' || c.code, 'city', c.code, '44', c.code, null, 'approved', 'DEMOL-I-' || c.code, r.name || '示例路 1 号', '（粤）法计（2025）' || c.code || '号', '2030-12-31'
          from dl_cities c join regions r on r.code = c.code
          where not exists (select 1 from organisations o where o.kind = 'institution' and o.level = 'city' and o.city_code = c.code and o.status = 'approved')
          order by c.code;
        create temp table dl_inst on commit drop as
          select distinct on (city_code) city_code, id from organisations where kind = 'institution' and level = 'city' and status = 'approved' and province_code = '44' order by city_code, id;
        insert into appointment_slots (institution_id, label, start_time, end_time, capacity_send_in, capacity_on_site)
          select i.id, s.label, s.st, s.en, 50, 20 from dl_inst i cross join (values ('上午', '08:30', '12:00'), ('下午', '14:00', '17:30')) s(label, st, en)
          where not exists (select 1 from appointment_slots a where a.institution_id = i.id)
          order by i.id, s.st;
        -- Enterprises spread over each city's counties.
        insert into organisations (kind, name, region_code, province_code, city_code, county_code, status, uscc, address)
          select 'enterprise', r.name || '示例企业' || lpad(e::text, 2, '0') || '（演示）', k.code, '44', c.code, k.code, 'approved', 'DEMOL-E-' || c.code || lpad(e::text, 2, '0'), r.name || '示例街 ' || e || ' 号'
          from dl_cities c join regions r on r.code = c.code cross join generate_series(1, ${ENTERPRISES_PER_CITY}) e
          join dl_counties k on k.city_code = c.code and k.i = 1 + (e * 7) % k.n
          order by c.code, e;
        create temp table dl_ent on commit drop as
          select row_number() over (order by id)::int as i, id, city_code, county_code from organisations where uscc like 'DEMOL-E-%';
        create temp table dl_kinds on commit drop as
          select row_number() over (order by k.id)::int as i, k.id, k.name from catalogue_kinds k join catalogue_versions v on v.id = k.version_id where v.is_current;
      `);
      // Instruments: each enterprise's share, a kind, a purpose, a filing state and the dates drawn in row order.
      await run(`
        insert into instruments (enterprise_id, name, model, serial_no, manufacturer, install_location, province_code, city_code, county_code, status, purpose, method,
          kind_id, filing_status, institution_id, instrument_code, filing_approved_on, valid_until, failed_since, manufacturer_norm, serial_norm)
        select e.id, k.name, 'DL-' || (g % 17), 'DL-' || lpad(g::text, 6, '0'), '演示厂' || (g % 23), (g % 30 + 1) || '号位', '44', e.city_code, e.county_code,
          (case when x.r1 < 0.05 then 'stopped' else 'in_use' end)::instrument_status,
          (case when x.r2 < 0.55 then 'trade' when x.r2 < 0.75 then 'safety' when x.r2 < 0.92 then 'medical' else 'environment' end)::purpose,
          (case when g % 3 = 0 then 'send_in' else 'on_site' end)::method, k.id,
          (case when x.r3 < 0.78 then 'filed' when x.r3 < 0.86 then 'pending' when x.r3 < 0.9 then 'returned' else 'none' end)::filing_status,
          case when x.r3 < 0.86 then i.id end,
          case when x.r3 < 0.78 then 'DL' || lpad(g::text, 16, '0') end,
          case when x.r3 < 0.78 then date '${today}' - (30 + (x.r4 * 700)::int) end,
          case when x.r3 < 0.78 and x.r5 < 0.85 then date '${today}' - 120 + (x.r6 * 480)::int end,
          case when x.r3 < 0.78 and x.r5 < 0.85 and x.r7 < 0.04 then date '${today}' - (x.r8 * 300)::int end,
          '演示厂' || (g % 23), 'dl-' || lpad(g::text, 6, '0')
        from (select g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9
              from generate_series(1, ${INSTRUMENTS}) g) x
        join dl_ent e on e.i = 1 + (x.g * 131 + (x.r9 * 13)::int) % (select count(*) from dl_ent)
        join dl_kinds k on k.i = 1 + (x.g * 17) % (select count(*) from dl_kinds)
        join dl_inst i on i.city_code = e.city_code
        order by x.g;
      `);
      // Over capacity: 800 instruments in Shenzhen due on the Wednesday of the fifth week ahead (700 places a week).
      await run(`
        insert into instruments (enterprise_id, name, model, serial_no, manufacturer, install_location, province_code, city_code, county_code, status, purpose, method,
          kind_id, filing_status, institution_id, filing_approved_on, valid_until, manufacturer_norm, serial_norm)
        select e.id, '燃油加油机', 'DL-SZ', 'DLSZ-' || lpad(g::text, 5, '0'), '演示厂', (g % 20 + 1) || '号岛', '44', e.city_code, e.county_code, 'in_use', 'trade', 'on_site',
          (select id from dl_kinds where name = '燃油加油机' limit 1), 'filed', i.id, date '${overWeek}' - 363, date '${overWeek}' + 2, '演示厂', 'dlsz-' || lpad(g::text, 5, '0')
        from generate_series(1, 800) g
        join dl_ent e on e.i = (select min(i) from dl_ent where city_code = '4403') + g % 3
        join dl_inst i on i.city_code = '4403'
        order by g;
      `);
      // Every filed instrument has its permanent label token (R-PUB-3), as filing approval gives one: the same shape
      // as the application's (18 random bytes, base64url), as in migration 0014.
      await run(`
        update instruments set label_token = translate(encode(
          decode(replace(gen_random_uuid()::text, '-', ''), 'hex') || substring(decode(replace(gen_random_uuid()::text, '-', ''), 'hex') from 1 for 2), 'base64'), '+/', '-_')
        where filing_status = 'filed' and label_token is null and (serial_no like 'DL-%' or serial_no like 'DLSZ-%');
      `);
      // A year of results: each filed instrument verified in the last 12 months gets its completed appointment
      // (one per enterprise and month), its item and its result; a pass gave it its current validity.
      await run(`
        create temp table dl_verified on commit drop as
          select s.id as instrument_id, s.enterprise_id, s.institution_id, s.method,
            case when s.failed_since is not null then s.failed_since else s.valid_until - 365 end as day,
            case when s.failed_since is not null then 'fail' else 'pass' end::verdict as verdict, s.valid_until
          from instruments s
          where s.serial_no like 'DL-%' and s.institution_id is not null and s.filing_status = 'filed'
            and ((s.valid_until - 365 between date '${today}' - 364 and date '${today}' - 1) or s.failed_since is not null);
        insert into appointments (number, enterprise_id, institution_id, method, state, day, slot_id, slot_label, slot_start, slot_end, instrument_count)
          select (case when v.method = 'send_in' then 'S' else 'X' end) || to_char(v.first_day, 'YYYYMMDD') || lpad((900000 + row_number() over (order by v.month, v.enterprise_id, v.method))::text, 6, '0'), v.enterprise_id, v.institution_id, v.method, 'completed',
            v.first_day, s.id, s.label, s.start_time, s.end_time, v.n
          from (select enterprise_id, institution_id, method, date_trunc('month', day)::date as month, min(day) as first_day, count(*)::int as n
                from dl_verified group by 1, 2, 3, 4) v
          join lateral (select id, label, start_time, end_time from appointment_slots where institution_id = v.institution_id order by start_time limit 1) s on true
          order by v.month, v.enterprise_id, v.method;
        insert into appointment_items (appointment_id, instrument_id, enterprise_id, state)
          select a.id, v.instrument_id, v.enterprise_id, 'done'
          from dl_verified v join appointments a on a.enterprise_id = v.enterprise_id and a.institution_id = v.institution_id and a.method = v.method
            and date_trunc('month', a.day) = date_trunc('month', v.day) and a.enterprise_id in (select id from dl_ent)
          order by a.id, v.instrument_id;
        insert into results (appointment_item_id, appointment_id, instrument_id, enterprise_id, institution_id, verdict, verified_on, valid_until, verifier, checker, approver, conclusion)
          select it.id, it.appointment_id, v.instrument_id, v.enterprise_id, v.institution_id, v.verdict, v.day,
            case when v.verdict = 'pass' then v.valid_until end, '演示检定员', '演示核验员', '演示批准人', case when v.verdict = 'pass' then '合格' else '不合格' end
          from dl_verified v join appointment_items it on it.instrument_id = v.instrument_id join appointments a on a.id = it.appointment_id and a.enterprise_id in (select id from dl_ent)
          order by it.id;
      `);
    });
    const [c] = rows(
      await exec(
        `select (select count(*) from organisations where uscc like 'DEMOL-%')::int orgs, (select count(*) from instruments where serial_no like 'DL%')::int instruments, (select count(*) from results r join instruments i on i.id = r.instrument_id where i.serial_no like 'DL%')::int results`,
      ),
    );
    console.log(`已写入大规模演示数据：机构与企业 ${c!.orgs} 家，器具 ${c!.instruments} 台，检定结果 ${c!.results} 条（${((performance.now() - t0) / 1000).toFixed(1)} 秒）。`);
  } finally {
    await database.close();
  }
}

/** `execute` answers `{ rows }` on PGlite and an array on postgres.js. */
function rows(r: unknown): Record<string, unknown>[] {
  return Array.isArray(r) ? r : ((r as { rows: Record<string, unknown>[] }).rows ?? []);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.message.slice(0, 300)} ${String((err as { cause?: unknown }).cause ?? "")}` : err);
  process.exit(1);
});
