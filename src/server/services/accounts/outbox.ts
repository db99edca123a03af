import "server-only";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { outboxListInput } from "@/lib/schemas/accounts";
import type { Scope } from "@/server/authz/scope";
import { page } from "@/server/db/keyset";
import type { DB, Queryable } from "@/server/db/open";
import { outbox } from "@/server/db/schema";
import { manualRetry } from "@/server/domain/notify/delivery";
import { AppError, notFound } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";

/** The message outbox (消息发件箱), newest first, by recipient, channel and state; administrators only (the scope says so). */
export async function outboxPage(db: Queryable, _scope: Extract<Scope, { kind: "admin" }>, input: z.infer<typeof outboxListInput>) {
  const where: (SQL | undefined)[] = [
    input.cursor ? lt(outbox.id, input.cursor) : undefined,
    input.recipient ? eq(outbox.recipient, input.recipient) : undefined,
    input.channel ? eq(outbox.channel, input.channel) : undefined,
    input.status ? eq(outbox.status, input.status) : undefined,
  ];
  const rows = await db
    .select()
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}

/**
 * 重新发送 (issue 13 #6): a failed message becomes due now with its attempts reset (domain `manualRetry`); the
 * worker picks it up after this commits. Any other state is refused and nothing changes. Row locked so that a
 * retry cannot race a worker's claim.
 */
export async function retryOutbox(db: DB, _scope: Extract<Scope, { kind: "admin" }>, actor: Actor, id: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: outbox.status, attempts: outbox.attempts, lastError: outbox.lastError })
      .from(outbox)
      .where(eq(outbox.id, id))
      .for("update");
    if (!row) throw notFound();
    const patch = manualRetry(row.status, now);
    if (!patch) throw new AppError("OUTBOX_NOT_FAILED");
    await tx.update(outbox).set(patch).where(eq(outbox.id, id));
    await writeAudit(tx, actor, {
      action: "outbox.retry",
      entityType: "outbox",
      entityId: id,
      before: { status: row.status, attempts: row.attempts },
      after: { status: patch.status, attempts: patch.attempts },
    });
    return { ok: true as const };
  });
}
