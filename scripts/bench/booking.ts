// Booking one appointment of 500 instruments (issue 10 Speed): draft + submit in one transaction (lock the 500
// instruments, R-APT-1 checks, the day and slot, slot places by row-locking upsert, the number, items, flow
// status, history, audit), beside a baseline in the same run: a plain INSERT of one appointment row and 500
// item rows in one transaction. Median of the timed rounds.
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server scripts/bench/booking.ts [rounds]
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDb } from "../../src/server/db/open";
import { prepareData } from "../../src/server/seed/prepare";
import { appointmentItems, appointments, appointmentSlots, catalogueKinds, organisations, users } from "../../src/server/db/schema";
import { createAppointments } from "../../src/server/services/appointments/booking-write";
import { openSlots } from "../../src/server/services/appointments/open-slots";
import { addDays, chinaToday } from "../../src/lib/china-day";

const N = 500;
const LIMIT_MS = 2000;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const rounds = Number(process.argv[2] ?? 7);
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
    const [inst] = await db.select().from(organisations).where(eq(organisations.name, "广州市白云区计量检定所（示例）"));
    const [user] = await db.select().from(users).where(eq(users.username, "jyzqy"));
    const [kind] = await db.select().from(catalogueKinds).where(eq(catalogueKinds.name, "燃油加油机"));
    if (!org || !inst || !user || !kind) throw new Error("demo data missing");
    // Room for every round in one slot: the bench measures the write, not a refusal.
    await db.update(appointmentSlots).set({ capacityOnSite: 10_000, capacitySendIn: 10_000 }).where(eq(appointmentSlots.institutionId, inst.id));
    const total = N * rounds * 2;
    await db.execute(sql`
      insert into instruments (enterprise_id, name, model, serial_no, manufacturer, install_location, province_code, city_code, county_code,
        status, purpose, method, kind_id, institution_id, filing_status, filing_approved_on, valid_until, certificate_no, manufacturer_norm, serial_norm)
      select ${org.id}, '加油枪', 'CS46', 'BK-' || g, '厂家', '1号岛', '44', '4401', '440111', 'in_use', 'trade', 'on_site', ${kind.id}, ${inst.id},
        'filed', current_date - 400, current_date + 20, 'C-' || g, '厂家', 'bk-' || g
      from generate_series(1, ${total}) g`);
    await db.execute(sql`analyze instruments`);
    const ids = (await db.execute<{ id: number }>(sql`select id from instruments where serial_no like 'BK-%' order by id`)) as unknown as { id: number }[];
    const rows = Array.isArray(ids) ? ids : (ids as unknown as { rows: { id: number }[] }).rows;
    const day = (await openSlots(db, inst.id, addDays(chinaToday(), 1), 31)).days[0]!.day;
    const actor = { userId: user.id, orgId: org.id, ip: null };
    const [slot] = await db.select().from(appointmentSlots).where(and(eq(appointmentSlots.institutionId, inst.id), eq(appointmentSlots.startTime, "08:30")));

    const booking: number[] = [];
    const baseline: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const mine = rows.slice(r * N * 2, r * N * 2 + N).map((x) => Number(x.id));
      const other = rows.slice(r * N * 2 + N, (r + 1) * N * 2).map((x) => Number(x.id));
      let t = performance.now();
      const [a] = await createAppointments(
        db,
        { actor },
        { appointments: [{ instrumentIds: mine, day, slotStart: "08:30", contactName: "压测", contactPhone: "13800000000", siteAddress: "白云区", remark: null }], submit: true },
      );
      const tb = performance.now() - t;
      if (!a?.number) throw new Error("booking did not submit");
      t = performance.now();
      await db.transaction(async (tx) => {
        const [ap] = await tx
          .insert(appointments)
          .values({ enterpriseId: org.id, institutionId: inst.id, method: "on_site", state: "submitted", day, slotId: slot!.id, slotLabel: slot!.label, slotStart: slot!.startTime, slotEnd: slot!.endTime })
          .returning({ id: appointments.id });
        await tx.insert(appointmentItems).values(other.map((instrumentId) => ({ appointmentId: ap!.id, instrumentId, enterpriseId: org.id })));
      });
      const tp = performance.now() - t;
      // The first round warms caches and plans; it is not counted.
      if (r > 0) {
        booking.push(tb);
        baseline.push(tp);
      }
    }
    console.log(`book one appointment of ${N} instruments (draft + submit): median ${median(booking).toFixed(1)} ms over ${booking.length} rounds [${booking.map((x) => x.toFixed(0)).join(", ")}]`);
    console.log(`baseline, plain INSERT of 1 appointment + ${N} item rows: median ${median(baseline).toFixed(1)} ms [${baseline.map((x) => x.toFixed(0)).join(", ")}]`);
    console.log(`ratio: ${(median(booking) / median(baseline)).toFixed(1)}×`);
    // One user's click: fails above 2 s (the plain INSERT alone takes ~0.1–0.3 s here).
    if (median(booking) > LIMIT_MS) {
      console.error(`booking above ${LIMIT_MS} ms`);
      process.exitCode = 1;
    }
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
