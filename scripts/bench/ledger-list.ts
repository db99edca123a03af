// Ledger list at 100 000 instruments for one enterprise (R-LED-6): page, sorts, search and counts.
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server scripts/bench/ledger-list.ts [rows]
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDb } from "../../src/server/db/open";
import { prepareData } from "../../src/server/seed/prepare";
import { catalogueKinds, organisations } from "../../src/server/db/schema";
import { countInstruments, listInstruments } from "../../src/server/services/ledger/list-instruments";

async function main() {
  const rows = Number(process.argv[2] ?? 100_000);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("set DATABASE_URL (the benchmark runs on PostgreSQL)");
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `qjt_bench_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDb({ url: u.toString() });
  await prepareData(database, { demo: true });
  try {
    const db = database.db;
    const [org] = await db.select().from(organisations).where(eq(organisations.name, "广州示例加油站有限公司（示例）"));
    const [kind] = await db.select().from(catalogueKinds).where(eq(catalogueKinds.name, "燃油加油机"));
    const t0 = performance.now();
    await db.execute(sql`
      insert into instruments (enterprise_id, name, model, serial_no, manufacturer, install_location, province_code, city_code, county_code,
        status, purpose, method, kind_id, valid_until, tags, manufacturer_norm, serial_norm)
      select ${org!.id}, case when g % 3 = 0 then '燃油加油机' else '加油枪' || (g % 50) end, 'CS46', 'BL-' || g, '厂家' || (g % 200), (g % 40) || '号岛',
        '44', '4401', '440111', (case when g % 10 = 0 then 'stopped' else 'in_use' end)::instrument_status, 'trade', 'on_site', ${kind!.id},
        current_date + ((g % 900) - 100), array['岛' || (g % 40)], '厂家' || (g % 200), 'bl-' || g
      from generate_series(1, ${rows}) g`);
    await db.execute(sql`analyze instruments`);
    console.log(`inserted ${rows} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const time = async (label: string, fn: () => Promise<unknown>) => {
      await fn();
      const n = 5;
      const s = performance.now();
      for (let i = 0; i < n; i++) await fn();
      console.log(`${label}: ${((performance.now() - s) / n).toFixed(1)} ms`);
    };
    const base = { limit: 20, sort: "newest" as const, cursor: null };
    const scope = { kind: "enterprise" as const, orgId: org!.id };
    await time("first page, newest", () => listInstruments(db, scope, base));
    const p1 = await listInstruments(db, scope, { ...base, sort: "validUntil" });
    await time("page 2, sorted by validUntil", () => listInstruments(db, scope, { ...base, sort: "validUntil", cursor: p1.nextCursor }));
    await time("sorted by name", () => listInstruments(db, scope, { ...base, sort: "name" }));
    await time("status=stopped", () => listInstruments(db, scope, { ...base, status: "stopped" }));
    await time("tag=岛7", () => listInstruments(db, scope, { ...base, tag: "岛7" }));
    await time("bucket=due", () => listInstruments(db, scope, { ...base, bucket: "due" }));
    await time("text search 'BL-9999'", () => listInstruments(db, scope, { ...base, q: "BL-9999" }));
    await time("counts (no filter)", () => countInstruments(db, scope, {}));
    await time("counts (q='厂家1')", () => countInstruments(db, scope, { q: "厂家1" }));
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
