// Issue 10: recording 500 results in one batch (results + items + instruments + 500 certificates / fail
// notices with numbers, snapshots and audit rows, one transaction) beside a baseline in the same run: a
// plain INSERT of the same 500 result rows. Median of several runs, each on a fresh appointment of 500
// received instruments. PostgreSQL of DATABASE_URL (a throwaway database), or embedded PGlite.
//   npx tsx --conditions=react-server scripts/bench/results-batch.ts [instruments] [runs]
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { eq } from "drizzle-orm";
import { addDays, chinaToday } from "../../src/lib/china-day";
import { openDb, type DB } from "../../src/server/db/open";
import { prepareData } from "../../src/server/seed/prepare";
import { instruments, organisations, results, users } from "../../src/server/db/schema";
import { seedAppointmentChain } from "../../src/server/seed/appointment-chain";
import { recordResults } from "../../src/server/services/appointments/results";
import type { InstitutionActor } from "../../src/server/services/appointments/item-steps";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const n = Number(process.argv[2] ?? 500);
  const runs = Number(process.argv[3] ?? 5);
  const url = process.env.DATABASE_URL;
  let dbUrl: string | undefined;
  let admin: ReturnType<typeof postgres> | null = null;
  const name = `qjt_bench_${randomBytes(4).toString("hex")}`;
  if (url) {
    admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
  }
  const database = await openDb(dbUrl ? { url: dbUrl } : { dataDir: "memory://" });
  await prepareData(database, { demo: true });
  const db: DB = database.db;
  try {
    const [station] = await db.select().from(organisations).where(eq(organisations.name, "广州示例加油站有限公司（示例）"));
    const [user] = await db.select().from(users).where(eq(users.username, "byjls"));
    const [template] = await db.select().from(instruments).where(eq(instruments.serialNo, "YY-0004"));
    const institutionId = user!.orgId!;
    const caller = { org: { id: institutionId }, actor: { userId: user!.id, orgId: institutionId, ip: null } } as unknown as InstitutionActor;
    const today = chinaToday();
    let batch = 0;
    const appointment = async () => {
      // Copies of a demo instrument: its label token is unique (R-PUB-3), so the copies carry none.
      const { id: _i, createdAt: _c, updatedAt: _u, labelToken: _l, ...rest } = template!;
      const b = batch++;
      const made = await db
        .insert(instruments)
        .values(Array.from({ length: n }, (_, i) => ({ ...rest, serialNo: `BENCH-${b}-${i}`, serialNorm: `bench-${b}-${i}`, instrumentCode: null, flowStatus: null, certificateNo: null, validUntil: null })))
        .returning({ id: instruments.id });
      const instrumentIds = made.map((m) => m.id);
      const chain = await db.transaction((tx) => seedAppointmentChain(tx, { enterpriseId: station!.id, institutionId, method: "on_site", instrumentIds, state: "received", day: addDays(today, -1) }));
      return { ...chain, instrumentIds };
    };
    const person = { verifier: "李检定", checker: "王核验", approver: "陈批准" };
    const baseline: number[] = [];
    const recorded: number[] = [];
    for (let r = 0; r < runs; r++) {
      const a = await appointment();
      const t0 = performance.now();
      await db.transaction(async (tx) => {
        await tx.insert(results).values(
          a.itemIds.map((itemId, i) => ({
            appointmentItemId: itemId,
            appointmentId: a.appointmentId,
            instrumentId: a.instrumentIds[i]!,
            enterpriseId: station!.id,
            institutionId,
            verdict: "pass" as const,
            verifiedOn: today,
            validUntil: addDays(today, 364),
            ...person,
          })),
        );
      });
      baseline.push(performance.now() - t0);

      const b = await appointment();
      const t1 = performance.now();
      const out = await recordResults(db, caller, { appointmentId: b.appointmentId, rows: b.itemIds.map((itemId, i) => ({ itemId, verdict: i % 50 === 7 ? ("fail" as const) : ("pass" as const), verifiedOn: today, ...person })) });
      recorded.push(performance.now() - t1);
      if (out.documents.length !== n) throw new Error("bench: not every result got its document");
    }
    const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(", ")})`;
    console.log(`${database.kind}: baseline plain INSERT of ${n} result rows (one transaction): ${fmt(baseline)}`);
    console.log(`${database.kind}: record ${n} results in one batch (checks, ${n} certificates/fail notices, instruments, audit): ${fmt(recorded)}`);
  } finally {
    await database.close();
    if (admin) {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
