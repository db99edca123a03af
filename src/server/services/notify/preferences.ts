import "server-only";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { defaultChannels, NOTIFY_EVENTS } from "@/lib/vocab/notify-event";
import type { preferencesInput } from "@/lib/schemas/notify";
import type { Actor } from "@/server/authz/caller";
import type { DB, Queryable } from "@/server/db/open";
import { notificationPreferences } from "@/server/db/schema";
import { writeAudit } from "@/server/services/audit";

/** The caller's channels for every event: their choice where they made one, else the defaults (issue 13 #5). */
export async function preferencesOf(db: Queryable, userId: number) {
  const rows = await db
    .select({ event: notificationPreferences.event, email: notificationPreferences.email, sms: notificationPreferences.sms })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return NOTIFY_EVENTS.map((event) => {
    const mine = rows.find((r) => r.event === event);
    return { event, ...(mine ? { email: mine.email, sms: mine.sms } : defaultChannels(event)), custom: !!mine };
  });
}

/** Saves the caller's choices (upsert per event) with one audit row. */
export async function savePreferences(db: DB, caller: { userId: number; actor: Actor }, input: z.infer<typeof preferencesInput>) {
  return db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values(input.items.map((i) => ({ userId: caller.userId, event: i.event, email: i.email, sms: i.sms })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.event],
        set: { email: sql`excluded.email`, sms: sql`excluded.sms`, updatedAt: sql`now()` },
      });
    await writeAudit(tx, caller.actor, { action: "notification.preferences", entityType: "user", entityId: caller.userId, after: { items: input.items } });
    return preferencesOf(tx, caller.userId);
  });
}
