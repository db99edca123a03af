import "server-only";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { Method } from "@/lib/vocab";
import type { Queryable } from "@/server/db/open";
import { appointmentSlots, slotUsage } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { bookedKey, type BookedCounts } from "./open-slots";

export type SlotKey = { institutionId: number; day: string; slotId: number; method: Method };

/**
 * R-APT-5: takes `n` places in a slot. One row-locking upsert: the first booking of a slot inserts its row,
 * later ones add to `used` only while the sum stays within `capacity` (the WHERE of ON CONFLICT runs on the
 * locked row), so parallel bookings queue on that row and never pass the capacity together. Refused →
 * APT_SLOT_FULL naming how many places are left.
 */
export async function takePlaces(tx: Queryable, key: SlotKey, n: number, capacity: number): Promise<number> {
  if (n <= 0) return 0;
  if (n <= capacity) {
    const [row] = await tx
      .insert(slotUsage)
      .values({ ...key, used: n })
      .onConflictDoUpdate({
        target: [slotUsage.institutionId, slotUsage.day, slotUsage.slotId, slotUsage.method],
        set: { used: sql`${slotUsage.used} + excluded.used` },
        setWhere: sql`${slotUsage.used} + excluded.used <= ${capacity}`,
      })
      .returning({ used: slotUsage.used });
    if (row) return row.used;
  }
  const [now] = await tx.select({ used: slotUsage.used }).from(slotUsage).where(keyWhere(key));
  const left = Math.max(0, capacity - (now?.used ?? 0));
  throw new AppError(
    "APT_SLOT_FULL",
    left === 0 ? `${key.day} 该时段已约满，请选择其他日期或时段` : `${key.day} 该时段仅剩 ${left} 台（件）名额，本单 ${n} 台（件），请选择其他日期或时段，或减少器具`,
  );
}

/** Gives `n` places back (cancel, reject, reschedule). */
export async function releasePlaces(tx: Queryable, key: SlotKey, n: number): Promise<void> {
  if (n <= 0) return;
  await tx
    .update(slotUsage)
    .set({ used: sql`greatest(${slotUsage.used} - ${n}, 0)` })
    .where(keyWhere(key));
}

const keyWhere = (k: SlotKey) =>
  and(eq(slotUsage.institutionId, k.institutionId), eq(slotUsage.day, k.day), eq(slotUsage.slotId, k.slotId), eq(slotUsage.method, k.method));

/** The real booked counts for `openSlots`, from slot_usage, keyed by the slot's start time (bookedKey). */
export const slotUsageCounts: BookedCounts = async (db, institutionId, fromDay, toDay) => {
  const rows = await db
    .select({ day: slotUsage.day, startTime: appointmentSlots.startTime, method: slotUsage.method, used: slotUsage.used })
    .from(slotUsage)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, slotUsage.slotId))
    .where(and(eq(slotUsage.institutionId, institutionId), gte(slotUsage.day, fromDay), lte(slotUsage.day, toDay)));
  const map = new Map<string, number>();
  for (const r of rows) {
    const k = bookedKey(r.day, r.startTime, r.method);
    map.set(k, (map.get(k) ?? 0) + r.used);
  }
  return map;
};
