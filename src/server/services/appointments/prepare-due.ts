import "server-only";
import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import { addDays, chinaToday } from "@/lib/china-day";
import { MAX_BOOKING_INSTRUMENTS } from "@/lib/schemas/booking";
import { MAX_OPEN_SLOT_DAYS } from "@/lib/schemas/appointments";
import type { EnterpriseCaller } from "@/server/authz/caller";
import type { DB } from "@/server/db/open";
import { instruments, organisations } from "@/server/db/schema";
import { bucketWhere } from "@/server/domain/filing/buckets";
import { splitByInstitutionAndMethod } from "@/server/domain/appointments/transitions";
import { AppError } from "@/server/errors";
import { bucketCols, bookableWhere } from "./booking-queries";
import { insertDraft } from "./booking-write";
import { openSlots } from "./open-slots";
import { usageCounts } from "./slot-usage";

/** What one prepared group becomes: its instruments spread over the earliest slots with room. */
export type Placement = { day: string; slotStart: string; slotLabel: string; instrumentIds: number[] };

type OpenDays = Awaited<ReturnType<typeof openSlots>>["days"];

/**
 * Spreads a group's instruments over the earliest slots that still have room for its method, taking what this
 * run already placed into account (drafts hold no places, but the user will submit them together).
 * Pure, exported for the unit test. Instruments that fit nowhere in the window are left out (`unplaced`).
 */
export function placeEarliest(ids: number[], method: "send_in" | "on_site", days: OpenDays, taken: Map<string, number>) {
  const placements: Placement[] = [];
  let left = ids;
  for (const d of days) {
    for (const s of d.slots) {
      if (left.length === 0) break;
      const key = `${d.day}|${s.startTime}|${method}`;
      const room = s.remaining[method] - (taken.get(key) ?? 0);
      if (room <= 0) continue;
      const n = Math.min(room, left.length, MAX_BOOKING_INSTRUMENTS);
      placements.push({ day: d.day, slotStart: s.startTime, slotLabel: s.label, instrumentIds: left.slice(0, n) });
      taken.set(key, (taken.get(key) ?? 0) + n);
      left = left.slice(n);
    }
  }
  return { placements, unplaced: left };
}

/**
 * 预约全部须检器具: every due or overdue instrument of the ledger (R-BKT-1/2) that can be booked (R-APT-1)
 * becomes part of a draft — one per institution + method (R-APT-2), pre-filled with the earliest open slot
 * that has room — for the user to review and submit. One transaction: all drafts or none. `preview` says what
 * would be prepared ("将生成 N 张预约单") and writes nothing.
 */
export async function prepareDueDrafts(db: DB, caller: Pick<EnterpriseCaller, "actor" | "user">, input: { preview: boolean }, now = new Date()) {
  const { actor } = caller;
  const today = chinaToday(now);
  return db.transaction(async (tx) => {
    const due = or(bucketWhere("due", today, bucketCols), bucketWhere("overdue", today, bucketCols)) as SQL;
    const rows = await tx
      .select({ id: instruments.id, institutionId: instruments.institutionId, method: instruments.method })
      .from(instruments)
      .where(and(eq(instruments.enterpriseId, actor.orgId), due, bookableWhere()))
      .orderBy(asc(instruments.id))
      .for("update");
    if (rows.length === 0) throw new AppError("APT_NOTHING_DUE");
    const [me] = await tx.select({ phone: organisations.contactPhone, address: organisations.address }).from(organisations).where(eq(organisations.id, actor.orgId));
    const contact = { contactName: caller.user.displayName.slice(0, 20), contactPhone: me?.phone ?? "" };
    const created: { id: number | null; institutionId: number; method: string; day: string; slotLabel: string; count: number }[] = [];
    let unplaced = 0;
    const taken = new Map<string, number>();
    for (const g of splitByInstitutionAndMethod(rows)) {
      const { days } = await openSlots(tx, g.institutionId, addDays(today, 1), MAX_OPEN_SLOT_DAYS, { now, bookedCounts: usageCounts });
      const placed = placeEarliest(g.instruments.map((i) => i.id), g.method, days, taken);
      unplaced += placed.unplaced.length;
      for (const p of placed.placements) {
        if (input.preview) {
          created.push({ id: null, institutionId: g.institutionId, method: g.method, day: p.day, slotLabel: p.slotLabel, count: p.instrumentIds.length });
          continue;
        }
        const a = await insertDraft(
          tx,
          actor,
          { instrumentIds: p.instrumentIds, day: p.day, slotStart: p.slotStart, ...contact, siteAddress: g.method === "on_site" ? (me?.address ?? null) : null, remark: null },
          now,
        );
        created.push({ id: a.id, institutionId: g.institutionId, method: g.method, day: p.day, slotLabel: p.slotLabel, count: p.instrumentIds.length });
      }
    }
    if (created.length === 0) throw new AppError("APT_NO_OPEN_SLOT");
    const names = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, [...new Set(created.map((c) => c.institutionId))]));
    return {
      created: created.map((c) => ({ ...c, institutionName: names.find((n) => n.id === c.institutionId)?.name ?? "" })),
      instruments: rows.length - unplaced,
      unplaced,
    };
  });
}
