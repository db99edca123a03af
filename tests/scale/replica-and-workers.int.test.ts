// Issue 14 #4: reads of dashboards go to the replica, writes to the primary, a writing request reads its own
// writes; the outbox worker and the daily sweep run exactly once across two processes' workers.
// The "replica" here is a second PostgreSQL database made from the primary as a template: it holds the primary's
// rows as of the copy and none of its later writes — as a lagging streaming replica would.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createCaller } from "@/server/api/root";
import { createCallerFactory, createContext, publicProcedure, router } from "@/server/api/trpc";
import { openDb, type Database, type DB } from "@/server/db/open";
import { readRouted } from "@/server/db/replica";
import { certificates, instruments, outbox, publicLookups, users } from "@/server/db/schema";
import { deliverDue } from "@/server/jobs/outbox";
import { sweepIfDue } from "@/server/jobs/sweep";
import { verifyCertificate } from "@/server/services/public/lookups";
import { flushPublicWrites } from "@/server/services/public/rate-limit";
import { prepareData } from "@/server/seed/prepare";

const SERVER = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const tag = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const PRIMARY = `qjt_test_scale_p_${tag}`;
const REPLICA = `qjt_test_scale_r_${tag}`;
const at = (name: string) => {
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
};
const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
let primary: Database;
let replica: Database;
let second: Database;

beforeAll(async () => {
  await admin.unsafe(`create database ${PRIMARY}`);
  const seeding = await openDb({ url: at(PRIMARY) });
  await prepareData(seeding, { demo: true });
  await seeding.close();
  await admin.unsafe(`create database ${REPLICA} template ${PRIMARY}`);
  primary = await openDb({ url: at(PRIMARY), migrate: false });
  replica = await openDb({ url: at(REPLICA), migrate: false });
  second = await openDb({ url: at(PRIMARY), migrate: false }); // another process's pool on the same primary
}, 120_000);

afterAll(async () => {
  for (const d of [primary, replica, second]) await d?.close();
  for (const n of [PRIMARY, REPLICA]) await admin.unsafe(`drop database if exists ${n} with (force)`);
  await admin.end();
});

async function dashboardAs(db: DB, readDb: DB, username: string) {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const caller = createCaller(await createContext({ db, readDb, userId: u!.id, sessionVersion: null, ip: "127.0.0.1" }));
  return caller.statistics.dashboard({ period: "year" });
}

describe("issue 14 #4 — replica routing", () => {
  it("a dashboard reads the replica, a write goes to the primary", async () => {
    const routed = readRouted(primary.db, replica.db);
    const before = await dashboardAs(primary.db, primary.db, "gdscjg");
    expect(await dashboardAs(primary.db, routed, "gdscjg")).toEqual(before);

    // A write through the routed database lands on the primary only.
    const [t] = await primary.db.select().from(instruments).where(eq(instruments.filingStatus, "filed")).limit(1);
    const rest: Partial<typeof t> = { ...t! };
    delete rest.id;
    delete rest.labelToken;
    delete rest.instrumentCode;
    await routed.insert(instruments).values({ ...(rest as typeof instruments.$inferInsert), serialNo: `SCALE-${tag}`, serialNorm: `scale-${tag}` });
    const count = async (d: DB) => (await d.select({ id: instruments.id }).from(instruments).where(eq(instruments.serialNo, `SCALE-${tag}`))).length;
    expect(await count(primary.db)).toBe(1);
    expect(await count(replica.db)).toBe(0);

    // The primary's dashboard counts it; the routed one still shows the replica's (older) figures.
    const fromPrimary = await dashboardAs(primary.db, primary.db, "gdscjg");
    expect(fromPrimary.cards).not.toEqual(before.cards);
    expect((await dashboardAs(primary.db, routed, "gdscjg")).cards).toEqual(before.cards);
  });

  it("a request that writes reads from the primary (read-your-writes); a query reads the read side", async () => {
    const routed = readRouted(primary.db, replica.db);
    const probe = router({
      q: publicProcedure.query(({ ctx }) => ctx.readDb === ctx.db),
      m: publicProcedure.mutation(({ ctx }) => ctx.readDb === ctx.db),
    });
    const caller = createCallerFactory(probe)(await createContext({ db: primary.db, readDb: routed, userId: null, sessionVersion: null, ip: null }));
    expect(await caller.q()).toBe(false);
    expect(await caller.m()).toBe(true);
  });

  it("a public lookup (/v/) reads the replica; its rate-limit hit and log row go to the primary", async () => {
    const routed = readRouted(primary.db, replica.db);
    const [c] = await primary.db.select({ id: certificates.id, token: certificates.token }).from(certificates).where(eq(certificates.state, "issued")).limit(1);
    // Revoked on the primary after the replica's copy: the replica still shows it as issued.
    await primary.db.update(certificates).set({ state: "revoked", revokedAt: new Date() }).where(eq(certificates.id, c!.id));
    const ip = "198.18.0.14";
    const fromReplica = await verifyCertificate(primary.db, c!.token, ip, undefined, routed);
    expect(fromReplica.certificate?.state).not.toBe("revoked");
    expect((await verifyCertificate(primary.db, c!.token, ip)).certificate?.state).toBe("revoked");
    await flushPublicWrites();
    const logged = async (d: DB) => (await d.select({ id: publicLookups.id }).from(publicLookups).where(eq(publicLookups.ip, ip))).length;
    expect(await logged(primary.db)).toBe(2);
    expect(await logged(replica.db)).toBe(0);
  });
});

describe("issue 14 #4 — one worker across processes", () => {
  it("two outbox workers on two pools deliver each message exactly once", async () => {
    const now = new Date();
    const rows = Array.from({ length: 40 }, (_, i) => ({ channel: "inapp" as const, recipient: `scale-${tag}-${i}`, body: `消息 ${i}`, nextAttemptAt: new Date(now.getTime() - 1000) }));
    await primary.db.insert(outbox).values(rows);
    const sent: string[] = [];
    const providers = { inapp: { name: "测试", send: async (m: { recipient: string }) => void sent.push(m.recipient) } };
    // Both workers poll until nothing is due, concurrently.
    const work = async (db: DB) => {
      for (let i = 0; i < 10; i++) if ((await deliverDue(db, { now, providers, limit: 7 })).claimed === 0) break;
    };
    await Promise.all([work(primary.db), work(second.db)]);
    const mine = sent.filter((r) => r.startsWith(`scale-${tag}-`));
    expect(mine).toHaveLength(40);
    expect(new Set(mine).size).toBe(40);
  });

  it("two processes reaching the sweep hour together: exactly one holds the day's claim and sweeps", async () => {
    const now = new Date();
    const reports = await Promise.all([sweepIfDue(primary.db, now, 0), sweepIfDue(second.db, now, 0)]);
    expect(reports.filter((r) => r !== null)).toHaveLength(1);
    expect(await sweepIfDue(second.db, now, 0)).toBeNull(); // and nobody sweeps the same day again
  });
});
