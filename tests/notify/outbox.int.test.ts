import { setTimeout as sleep } from "node:timers/promises";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Database, type DB } from "@/server/db/open";
import { outbox, smsCodes } from "@/server/db/schema";
import { LEASE_MS, MAX_ATTEMPTS } from "@/server/domain/notify/delivery";
import { deliverDue } from "@/server/jobs/outbox";
import { enqueue } from "@/server/notify/outbox";
import type { OutboxMessage, Providers } from "@/server/notify/providers";
import { issueSmsCode } from "@/server/services/accounts/sms-codes";
import { openEmptyTestDb } from "../helpers/db";

// Two connections to one database, as two server processes have (on PostgreSQL; PGlite has one connection).
let database: Database;
let other: Database;
const onPostgres = !!process.env.DATABASE_URL;
beforeAll(async () => {
  database = await openEmptyTestDb();
  if (onPostgres) {
    const [row] = (await database.db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
    const u = new URL(process.env.DATABASE_URL ?? "");
    u.pathname = `/${row?.name}`;
    other = await openDb({ url: u.toString(), migrate: false });
  } else other = database;
});
afterAll(async () => {
  if (other !== database) await other?.close();
  await database?.close();
});
beforeEach(async () => {
  await database.db.delete(outbox);
});

/** A provider that records every call; `fail(n)` says whether the n-th call (from 1) fails. */
function recorder(fail: (n: number) => boolean = () => false, delayMs = 0) {
  const calls: OutboxMessage[] = [];
  const providers: Providers = {
    sms: {
      name: "test",
      async send(m) {
        calls.push(m);
        if (delayMs) await sleep(delayMs);
        if (fail(calls.length)) throw new Error("短信网关不可达");
      },
    },
  };
  return { calls, providers };
}

const T0 = new Date("2026-03-01T00:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

async function queue(db: DB, n: number, createdAt = T0) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push(await enqueue(db, { channel: "sms", recipient: `1380000${String(i).padStart(4, "0")}`, template: "text", body: `消息 ${i}` }));
  await db.update(outbox).set({ nextAttemptAt: createdAt }).where(inArray(outbox.id, ids));
  return ids;
}
const rowOf = async (id: number) => (await database.db.select().from(outbox).where(eq(outbox.id, id)))[0];

describe("R-NTF-1 outbox and delivery worker", () => {
  it("R-NTF-1 the message commits with its event and nothing is sent inside the transaction; delivered after the commit", async () => {
    const { calls, providers } = recorder();
    await issueSmsCode(database.db, { phone: "13900000001", purpose: "register", ip: "10.1.0.1" });
    const [row] = await database.db.select().from(outbox).where(eq(outbox.recipient, "13900000001"));
    // Queued, not sent: the code's transaction did no network I/O.
    expect(row).toMatchObject({ status: "pending", attempts: 0, sentAt: null, template: "sms_code", data: { purpose: "register" } });
    expect(row?.body).toMatch(/验证码 \d{6}/);
    expect(await deliverDue(database.db, { providers })).toMatchObject({ claimed: 1, sent: 1 });
    expect(calls.map((c) => c.recipient)).toEqual(["13900000001"]);
    expect(await rowOf(row?.id ?? 0)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it.runIf(onPostgres)("R-NTF-1 a worker does not see (or send) a message before its event commits", async () => {
    const { calls, providers } = recorder();
    let seenInside: Awaited<ReturnType<typeof deliverDue>> | undefined;
    await database.db.transaction(async (tx) => {
      await enqueue(tx, { channel: "sms", recipient: "13900000002", template: "text", body: "提交前" });
      seenInside = await deliverDue(other.db, { providers });
    });
    expect(seenInside).toMatchObject({ claimed: 0 });
    expect(await deliverDue(other.db, { providers })).toMatchObject({ claimed: 1, sent: 1 });
    expect(calls).toHaveLength(1);
  });

  it("R-NTF-1 a rolled-back event leaves no message and sends nothing", async () => {
    const { calls, providers } = recorder();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(smsCodes).values({ phone: "13900000003", purpose: "register", codeHash: "x", ip: null, expiresAt: at(5 * MIN) });
        await enqueue(tx, { channel: "sms", recipient: "13900000003", template: "text", body: "不应发出" });
        throw new Error("业务失败");
      }),
    ).rejects.toThrow("业务失败");
    expect(await database.db.select().from(outbox).where(eq(outbox.recipient, "13900000003"))).toEqual([]);
    expect(await deliverDue(database.db, { providers, now: at(365 * 24 * 60 * MIN) })).toMatchObject({ claimed: 0 });
    expect(calls).toEqual([]);
  });

  it("R-NTF-1 a failing provider is retried with exponential backoff, then the message is sent", async () => {
    const { calls, providers } = recorder((n) => n <= 2);
    const [id = 0] = await queue(database.db, 1);
    expect(await deliverDue(database.db, { providers, now: T0 })).toMatchObject({ claimed: 1, retried: 1 });
    expect(await rowOf(id)).toMatchObject({ status: "pending", attempts: 1, lastError: "短信网关不可达", nextAttemptAt: at(MIN) });
    // Not due before its backoff is over.
    expect(await deliverDue(database.db, { providers, now: at(MIN - 1000) })).toMatchObject({ claimed: 0 });
    expect(await deliverDue(database.db, { providers, now: at(MIN) })).toMatchObject({ claimed: 1, retried: 1 });
    expect(await rowOf(id)).toMatchObject({ status: "pending", attempts: 2, nextAttemptAt: at(3 * MIN) });
    expect(await deliverDue(database.db, { providers, now: at(3 * MIN - 1000) })).toMatchObject({ claimed: 0 });
    expect(await deliverDue(database.db, { providers, now: at(3 * MIN) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 3, lastError: null, sentAt: at(3 * MIN) });
    expect(calls).toHaveLength(3);
  });

  it("R-NTF-1 after the maximum attempts the message is failed, its error kept, and no longer tried", async () => {
    const { calls, providers } = recorder(() => true);
    const [id = 0] = await queue(database.db, 1);
    let now = T0;
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      expect(await deliverDue(database.db, { providers, now })).toMatchObject({ claimed: 1 });
      const row = await rowOf(id);
      expect(row).toMatchObject({ attempts: i, status: i < MAX_ATTEMPTS ? "pending" : "failed", lastError: "短信网关不可达" });
      now = row?.nextAttemptAt ?? now;
    }
    expect(await deliverDue(database.db, { providers, now: at(30 * 24 * 60 * MIN) })).toMatchObject({ claimed: 0 });
    expect(calls).toHaveLength(MAX_ATTEMPTS);
  });

  it("R-NTF-1 two workers delivering the same due rows at once never send one row twice", async () => {
    const { calls, providers } = recorder(() => false, 2);
    const ids = await queue(database.db, 40);
    const worker = async (db: DB) => {
      let sent = 0;
      for (;;) {
        const r = await deliverDue(db, { providers, now: T0, limit: 3 });
        sent += r.sent;
        if (r.claimed === 0) return sent;
      }
    };
    const [a, b] = await Promise.all([worker(database.db), worker(other.db)]);
    expect(a + b).toBe(40);
    if (onPostgres) expect(Math.min(a, b)).toBeGreaterThan(0);
    const perRow = new Map<number, number>();
    for (const c of calls) perRow.set(c.id, (perRow.get(c.id) ?? 0) + 1);
    expect([...perRow.keys()].sort((x, y) => x - y)).toEqual(ids);
    expect([...perRow.values()].every((n) => n === 1)).toBe(true);
  });

  it.runIf(onPostgres)("R-NTF-1 a row another worker holds locked is skipped, not waited for", async () => {
    const { calls, providers } = recorder();
    const [held = 0, free = 0] = await queue(database.db, 2);
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    let locked = () => {};
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = database.db.transaction(async (tx) => {
      await tx.select().from(outbox).where(eq(outbox.id, held)).for("update");
      locked();
      await released;
    });
    await isLocked;
    const pass = deliverDue(other.db, { providers, now: T0 });
    const outcome = await Promise.race([pass, sleep(3000).then(() => "blocked" as const)]);
    release();
    await holder;
    await pass;
    expect(outcome).toMatchObject({ claimed: 1, sent: 1 });
    expect(calls.map((c) => c.id)).toEqual([free]);
  });

  it("R-NTF-1 a row left in sending by a dead worker is delivered again once its lease runs out, once", async () => {
    const [id = 0] = await queue(database.db, 1);
    // A worker claims the row at T0 and dies before recording anything (its provider never answers).
    const dying: Providers = { sms: { name: "dying", send: () => new Promise(() => {}) } };
    const claim = deliverDue(database.db, { providers: dying, now: T0 });
    await expect.poll(async () => (await rowOf(id))?.status).toBe("sending");
    void claim.catch(() => {});
    const { calls, providers } = recorder();
    expect(await deliverDue(database.db, { providers, now: at(LEASE_MS - 1000) })).toMatchObject({ claimed: 0 });
    expect(await deliverDue(database.db, { providers, now: at(LEASE_MS) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await deliverDue(database.db, { providers, now: at(10 * LEASE_MS) })).toMatchObject({ claimed: 0 });
    expect(calls.map((c) => c.id)).toEqual([id]);
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 2 });
  });
});
