import "server-only";
import { and, eq, gte, lte } from "drizzle-orm";
import type { z } from "zod";
import { addDays, chinaToday } from "@/lib/china-day";
import type { openSlotsInput } from "@/lib/schemas/appointments";
import type { SignedInCaller } from "@/server/authz/caller";
import type { Queryable } from "@/server/db/open";
import { institutionClosedDays, organisations } from "@/server/db/schema";
import { dayVerdict, weekdayOf } from "@/server/domain/appointments/calendar";
import { AppError, notFound } from "@/server/errors";
import { loadPlatformCalendar } from "./holidays";
import { slotsOf } from "./settings";
import { usageCounts } from "./slot-usage";

export type AppointmentMethod = "send_in" | "on_site";
/** Key of a booked count: the day, the slot's start time and the method. */
export const bookedKey = (day: string, startTime: string, method: AppointmentMethod) => `${day}|${startTime}|${method}`;

/**
 * Instruments already booked per day, slot and method (keys from `bookedKey`). Slots are matched by start
 * time, the wall-clock time an appointment keeps, so editing a slot's capacity never orphans bookings.
 */
export type BookedCounts = (db: Queryable, institutionId: number, fromDay: string, toDay: string) => Promise<Map<string, number>>;

/**
 * The appointments table does not exist yet (issue 10 item 2 builds it): nothing can have been booked, so
 * the remaining capacity is the whole capacity. Booking passes its own count over appointments here.
 */
export const noAppointmentsYet: BookedCounts = async () => new Map();

/**
 * R-APT-5: the bookable days of an institution from `fromDay` for `days` days, each with its slots and the
 * remaining capacity per method. Today, past days, holidays, plain weekends and the institution's closed
 * days are left out; 调休 weekends are in. `yearsWithoutData` names the calendar years that fell back to the
 * weekend rule (shown to users, never silent).
 */
export async function openSlots(
  db: Queryable,
  institutionId: number,
  fromDay: string,
  days: number,
  options: { now?: Date; bookedCounts?: BookedCounts } = {},
) {
  const now = options.now ?? new Date();
  const toDay = addDays(fromDay, days - 1);
  const [calendar, closed, { slots }, booked] = await Promise.all([
    loadPlatformCalendar(db, fromDay, toDay),
    db
      .select({ day: institutionClosedDays.day })
      .from(institutionClosedDays)
      .where(and(eq(institutionClosedDays.institutionId, institutionId), gte(institutionClosedDays.day, fromDay), lte(institutionClosedDays.day, toDay))),
    slotsOf(db, institutionId),
    (options.bookedCounts ?? noAppointmentsYet)(db, institutionId, fromDay, toDay),
  ]);
  const closedDays = new Set(closed.map((c) => c.day));
  const open = [];
  const yearsWithoutData = new Set<number>();
  for (let i = 0; i < days; i++) {
    const day = addDays(fromDay, i);
    const v = dayVerdict(day, { calendar, closedDays, now });
    if (v.yearWithoutData) yearsWithoutData.add(Number(day.slice(0, 4)));
    if (!v.bookable) continue;
    open.push({
      day,
      weekday: weekdayOf(day),
      workingWeekend: calendar.days.get(day) === "workday",
      slots: slots.map((s) => {
        const remaining = (method: AppointmentMethod, capacity: number) => Math.max(0, capacity - (booked.get(bookedKey(day, s.startTime, method)) ?? 0));
        return {
          label: s.label,
          startTime: s.startTime,
          endTime: s.endTime,
          capacity: { send_in: s.capacitySendIn, on_site: s.capacityOnSite },
          remaining: { send_in: remaining("send_in", s.capacitySendIn), on_site: remaining("on_site", s.capacityOnSite) },
        };
      }),
    });
  }
  return { institutionId, fromDay, toDay, today: chinaToday(now), days: open, yearsWithoutData: [...yearsWithoutData].sort() };
}

/**
 * openSlots for a signed-in caller: an enterprise looks at any approved institution (it books there); an
 * institution only at its own; anyone else is refused. An unknown or unapproved institution is not found.
 */
export async function openSlotsFor(db: Queryable, caller: Pick<SignedInCaller, "scope">, input: z.infer<typeof openSlotsInput>, now = new Date()) {
  const scope = caller.scope;
  if (scope.kind !== "enterprise" && scope.kind !== "legalInstitution" && scope.kind !== "authorisedInstitution") throw new AppError("FORBIDDEN_ROLE");
  if (scope.kind !== "enterprise" && scope.orgId !== input.institutionId) throw notFound();
  const [inst] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.institutionId), eq(organisations.kind, "institution"), eq(organisations.status, "approved")));
  if (!inst) throw notFound();
  const fromDay = input.fromDay ?? addDays(chinaToday(now), 1);
  // Real places taken (slot_usage), so full slots show as full (issue 10 item 2).
  return openSlots(db, inst.id, fromDay, input.days, { now, bookedCounts: usageCounts });
}
