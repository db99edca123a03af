import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { addDays, chinaToday } from "@/lib/china-day";
import type { InstitutionCaller } from "@/server/authz/caller";
import type { Queryable } from "@/server/db/open";
import { appointments } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { openSlots } from "./open-slots";
import { slotsOf } from "./settings";
import { usageCounts } from "./slot-usage";

/** How far ahead 修改预约时间 offers days. */
export const RESCHEDULE_DAYS = 30;

/**
 * The days and slots an appointment can move to (修改预约时间): the institution's open days from tomorrow,
 * each slot with its id and the places really left (slot_usage) for the appointment's method.
 */
export async function deskOpenSlots(db: Queryable, caller: Pick<InstitutionCaller, "org">, appointmentId: number, now = new Date()) {
  const [a] = await db
    .select({ id: appointments.id, method: appointments.method, day: appointments.day, slotId: appointments.slotId, places: appointments.instrumentCount })
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.institutionId, caller.org.id), ne(appointments.state, "draft")));
  if (!a) throw notFound();
  const [open, { slots }] = await Promise.all([
    openSlots(db, caller.org.id, addDays(chinaToday(now), 1), RESCHEDULE_DAYS, { now, bookedCounts: usageCounts }),
    slotsOf(db, caller.org.id),
  ]);
  const idOf = new Map(slots.map((s) => [s.startTime, s.id]));
  return {
    method: a.method,
    places: a.places,
    current: { day: a.day, slotId: a.slotId },
    yearsWithoutData: open.yearsWithoutData,
    days: open.days.map((d) => ({
      day: d.day,
      weekday: d.weekday,
      slots: d.slots.flatMap((s) => {
        const id = idOf.get(s.startTime);
        return id == null ? [] : [{ id, label: s.label, startTime: s.startTime, endTime: s.endTime, capacity: s.capacity[a.method], remaining: s.remaining[a.method] }];
      }),
    })),
  };
}
