import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { auditLog, outbox } from "@/server/db/schema";
import { MAX_ATTEMPTS } from "@/server/domain/notify/delivery";
import { deliverDue } from "@/server/jobs/outbox";
import { enqueue } from "@/server/notify/outbox";
import type { Providers } from "@/server/notify/providers";
import { outboxPage, retryOutbox } from "@/server/services/accounts/outbox";
import { openEmptyTestDb } from "../helpers/db";

let database: Database;
beforeAll(async () => {
  database = await openEmptyTestDb();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.db.delete(outbox);
  await database.db.delete(auditLog);
});

const ADMIN = { kind: "admin" } as const;
const actor = { userId: null, orgId: null, ip: "127.0.0.1" };
// Far ahead: the pending and sending rows are not due, so only a retried row is delivered.
const LATER = new Date("2099-01-01T00:00:00Z");

/** One message of every channel and state, so that each filter has rows it must leave out. */
async function mixed() {
  const db = database.db;
  const ids: Record<string, number> = {};
  for (const channel of ["sms", "email", "webhook"] as const)
    for (const status of ["pending", "sending", "sent", "failed"] as const) {
      const id = await enqueue(db, { channel, recipient: `r-${channel}`, template: "text", body: `${channel} ${status}` });
      await db
        .update(outbox)
        .set({ status, attempts: status === "failed" ? MAX_ATTEMPTS : 0, lastError: status === "failed" ? "网关不可达" : null, nextAttemptAt: LATER })
        .where(eq(outbox.id, id));
      ids[`${channel}/${status}`] = id;
    }
  return ids;
}

describe("issue 13 #6 administrators see the outbox by channel and state", () => {
  it("filters by channel, by state and by both (with the last error shown)", async () => {
    const ids = await mixed();
    const list = async (input: { channel?: "sms" | "email" | "webhook"; status?: "pending" | "sending" | "sent" | "failed" }) =>
      (await outboxPage(database.db, ADMIN, { limit: 50, ...input })).items;
    const all = await list({});
    expect(all).toHaveLength(12);
    const email = await list({ channel: "email" });
    expect(email.map((m) => m.id).sort()).toEqual(["pending", "sending", "sent", "failed"].map((s) => ids[`email/${s}`]).sort());
    const failed = await list({ status: "failed" });
    expect(failed.map((m) => m.id).sort()).toEqual(["sms", "email", "webhook"].map((c) => ids[`${c}/failed`]).sort());
    expect(failed.every((m) => m.lastError === "网关不可达")).toBe(true);
    const both = await list({ channel: "webhook", status: "failed" });
    expect(both.map((m) => m.id)).toEqual([ids["webhook/failed"]]);
  });
});

describe("issue 13 #6 an administrator retries a failed message", () => {
  it("a failed row becomes due now with attempts reset to 0, is audited as outbox.retry, and the worker then sends it", async () => {
    const ids = await mixed();
    const id = ids["sms/failed"]!;
    const now = new Date("2026-03-02T08:00:00Z");
    await retryOutbox(database.db, ADMIN, actor, id, now);
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: now, lastError: "网关不可达" });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "outbox.retry"), eq(auditLog.entityId, String(id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "outbox", before: { status: "failed", attempts: MAX_ATTEMPTS }, after: { status: "pending", attempts: 0 } });

    const sent: number[] = [];
    const providers: Providers = { sms: { name: "test", send: async (m) => void sent.push(m.id) } };
    await deliverDue(database.db, { now, providers });
    expect(sent).toEqual([id]);
    expect((await database.db.select().from(outbox).where(eq(outbox.id, id)))[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a message that is not failed (pending, sending, sent) is refused in Chinese and nothing changes", async () => {
    const ids = await mixed();
    const before = await database.db.select().from(outbox).orderBy(outbox.id);
    for (const status of ["pending", "sending", "sent"]) {
      await expect(retryOutbox(database.db, ADMIN, actor, ids[`email/${status}`]!, new Date())).rejects.toMatchObject({
        appCode: "OUTBOX_NOT_FAILED",
        message: "只有发送失败的消息可以重新发送，请刷新后查看",
      });
    }
    expect(await database.db.select().from(outbox).orderBy(outbox.id)).toEqual(before);
    expect(await database.db.select().from(auditLog)).toEqual([]);
  });

  it("an unknown message id is NOT_FOUND", async () => {
    await expect(retryOutbox(database.db, ADMIN, actor, 987654321)).rejects.toMatchObject({ appCode: "NOT_FOUND" });
  });
});
