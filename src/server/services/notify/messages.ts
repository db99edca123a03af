import "server-only";
import { and, count, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { z } from "zod";
import type { markReadInput, messageListInput } from "@/lib/schemas/notify";
import type { Actor } from "@/server/authz/caller";
import type { DB, Queryable } from "@/server/db/open";
import { page } from "@/server/db/keyset";
import { messages } from "@/server/db/schema";
import { writeAudit } from "@/server/services/audit";

/** The caller's own messages only (the user id is the scope), newest first, by keyset. */
export async function listMessages(db: Queryable, userId: number, input: z.infer<typeof messageListInput>) {
  const rows = await db
    .select({ id: messages.id, event: messages.event, title: messages.title, body: messages.body, link: messages.link, readAt: messages.readAt, createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.userId, userId), input.unreadOnly ? isNull(messages.readAt) : undefined, input.cursor ? lt(messages.id, input.cursor) : undefined))
    .orderBy(desc(messages.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}

/** The bell's number: unread messages, counted on the partial index, capped (the bell shows 99+). */
export async function unreadCount(db: Queryable, userId: number): Promise<number> {
  const capped = db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.userId, userId), isNull(messages.readAt)))
    .limit(100)
    .as("capped");
  const [row] = await db.select({ n: count() }).from(capped);
  return row?.n ?? 0;
}

/** Marks some of the caller's messages read (others' ids change nothing); one audit row per call. */
export async function markRead(db: DB, caller: { userId: number; actor: Actor }, input: z.infer<typeof markReadInput>) {
  return db.transaction(async (tx) => {
    const done = await tx
      .update(messages)
      .set({ readAt: new Date() })
      .where(and(eq(messages.userId, caller.userId), inArray(messages.id, input.ids), isNull(messages.readAt)))
      .returning({ id: messages.id });
    if (done.length) await writeAudit(tx, caller.actor, { action: "message.read", entityType: "user", entityId: caller.userId, after: { ids: done.map((d) => d.id) } });
    return { marked: done.length };
  });
}

/** 全部已读. */
export async function markAllRead(db: DB, caller: { userId: number; actor: Actor }) {
  return db.transaction(async (tx) => {
    const done = await tx
      .update(messages)
      .set({ readAt: new Date() })
      .where(and(eq(messages.userId, caller.userId), isNull(messages.readAt)))
      .returning({ id: messages.id });
    if (done.length) await writeAudit(tx, caller.actor, { action: "message.read_all", entityType: "user", entityId: caller.userId, after: { count: done.length } });
    return { marked: done.length };
  });
}
