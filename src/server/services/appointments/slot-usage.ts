import "server-only";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { Method } from "@/lib/vocab";
import type { Queryable, Tx } from "@/server/db/open";
import { appointmentSlots, slotUsage } from "@/server/db/schema";
import { bookedKey, type BookedCounts } from "./open-slots";

/** One row of slot_usage: the places of one institution's slot on one day for one method. */
export type UsageKey = { institutionId: number; day: string; slotId: number; method: Method };

/** Real booked counts for openSlots, from slot_usage (the places every holding appointment keeps there). */
export const usageCounts: BookedCounts = async (db, institutionId, fromDay, toDay) => {
  const rows = await db
    .select({ day: slotUsage.day, method: slotUsage.method, startTime: appointmentSlots.startTime, used: slotUsage.used })
    .from(slotUsage)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, slotUsage.slotId))
    .where(and(eq(slotUsage.institutionId, institutionId), gte(slotUsage.day, fromDay), lte(slotUsage.day, toDay)));
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = bookedKey(r.day, r.startTime, r.method);
    counts.set(k, (counts.get(k) ?? 0) + r.used);
  }
  return counts;
};

const sameKey = (k: UsageKey) =>
  and(eq(slotUsage.institutionId, k.institutionId), eq(slotUsage.day, k.day), eq(slotUsage.slotId, k.slotId), eq(slotUsage.method, k.method));
const order = (a: UsageKey, b: UsageKey) => a.day.localeCompare(b.day) || a.slotId - b.slotId || a.method.localeCompare(b.method);

/**
 * Locks the slot_usage rows (creating missing ones at 0) in one fixed order, so two moves in opposite
 * directions queue instead of deadlocking; answers each row's `used` as seen under the lock.
 */
export async function lockUsage(tx: Tx, keys: UsageKey[]): Promise<number[]> {
  const sorted = [...keys].sort(order);
  const used = new Map<UsageKey, number>();
  for (const k of sorted) {
    await tx.insert(slotUsage).values({ ...k, used: 0 }).onConflictDoNothing();
    const [row] = await tx.select({ used: slotUsage.used }).from(slotUsage).where(sameKey(k)).for("update");
    used.set(k, row?.used ?? 0);
  }
  return keys.map((k) => used.get(k) ?? 0);
}

/** Adds (or with a negative `delta`, releases) places; the table's check refuses a count below zero. */
export async function adjustUsage(tx: Queryable, k: UsageKey, delta: number) {
  if (delta === 0) return;
  await tx.update(slotUsage).set({ used: sql`${slotUsage.used} + ${delta}` }).where(sameKey(k));
}
