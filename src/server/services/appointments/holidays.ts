import "server-only";
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { holidayAddInput, holidayRemoveInput } from "@/lib/schemas/appointments";
import type { AdminCaller } from "@/server/authz/caller";
import type { DB, Queryable } from "@/server/db/open";
import { calendarDays } from "@/server/db/schema";
import type { PlatformCalendar } from "@/server/domain/appointments/calendar";
import { AppError, notFound } from "@/server/errors";
import { writeAudit } from "@/server/services/audit";

/** Which of `years` have at least one calendar row (a year with none has no data: R-APT-5 warns). */
export async function yearsWithData(db: Queryable, years: number[]): Promise<Set<number>> {
  if (years.length === 0) return new Set();
  const rows = (await db
    .select({ y: sql<number>`distinct extract(year from ${calendarDays.day})::int` })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${Math.min(...years)}-01-01`), lte(calendarDays.day, `${Math.max(...years)}-12-31`)))) as { y: number }[];
  return new Set(rows.map((r) => r.y));
}

/** The platform calendar for the days from `fromDay` to `toDay` inclusive, as the pure rule takes it. */
export async function loadPlatformCalendar(db: Queryable, fromDay: string, toDay: string): Promise<PlatformCalendar> {
  const rows = await db
    .select({ day: calendarDays.day, kind: calendarDays.kind })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, fromDay), lte(calendarDays.day, toDay)));
  const years: number[] = [];
  for (let y = Number(fromDay.slice(0, 4)); y <= Number(toDay.slice(0, 4)); y++) years.push(y);
  return { days: new Map(rows.map((r) => [r.day, r.kind])), yearsWithData: await yearsWithData(db, years) };
}

/** One year of the platform calendar, for any signed-in user; `hasData` false is the "not maintained" flag. */
export async function listHolidays(db: Queryable, input: { year: number }) {
  const days = await db
    .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${input.year}-01-01`), lte(calendarDays.day, `${input.year}-12-31`)))
    .orderBy(asc(calendarDays.day));
  return { year: input.year, hasData: days.length > 0, days };
}

/** Administrators add a 法定节假日 or 调休 working day (e.g. 2027 once the State Council publishes it). */
export async function addHoliday(db: DB, caller: Pick<AdminCaller, "actor">, input: z.infer<typeof holidayAddInput>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarDays)
      .values({ day: input.day, kind: input.kind, name: input.name, source: "admin" })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("CALENDAR_DAY_TAKEN");
    await writeAudit(tx, caller.actor, { action: "calendar_day.add", entityType: "calendar_day", entityId: input.day, after: { kind: row.kind, name: row.name } });
    return row;
  });
}

export async function removeHoliday(db: DB, caller: Pick<AdminCaller, "actor">, input: z.infer<typeof holidayRemoveInput>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(calendarDays).where(eq(calendarDays.day, input.day)).returning();
    if (!row) throw notFound();
    await writeAudit(tx, caller.actor, {
      action: "calendar_day.remove",
      entityType: "calendar_day",
      entityId: input.day,
      before: { kind: row.kind, name: row.name, source: row.source },
    });
    return { day: input.day };
  });
}
