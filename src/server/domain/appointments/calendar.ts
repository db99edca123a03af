import { dayIn, DEFAULT_TIME_ZONE } from "@/lib/china-day";
import type { CalendarDayKind } from "@/lib/schemas/appointments";
import { AppError } from "@/server/errors";

/**
 * R-APT-5: which China calendar days an institution takes appointments on. Pure: the platform calendar,
 * the institution's closed days and the moment are passed in; days are "YYYY-MM-DD" in Asia/Shanghai
 * (R-TIME-1), so the answer is the same whatever the time zone of the process or the database.
 */
export type PlatformCalendar = {
  /** 法定节假日 and 调休 working weekends by day. */
  days: ReadonlyMap<string, CalendarDayKind>;
  /** Years the calendar has data for (at least one row). */
  yearsWithData: ReadonlySet<number>;
};

export type NotBookableReason = "past" | "today" | "holiday" | "weekend" | "closed";
export type DayVerdict = {
  day: string;
  /** The calendar has no data for this day's year: only the weekend rule applied, and users are told so. */
  yearWithoutData: boolean;
} & ({ bookable: true } | { bookable: false; reason: NotBookableReason });

export type DayContext = {
  calendar: PlatformCalendar;
  /** The institution's own closed days. */
  closedDays: ReadonlySet<string>;
  /** Now, as an instant; "today" is its China calendar day. */
  now: Date;
  timeZone?: string;
};

/** Day of the week of a calendar day (0 = Sunday), from the string itself: no process time zone involved. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * A day is bookable when it is after today (China), not closed by the institution, and a working day:
 * a 调休 weekend is one, a 法定节假日 is not, otherwise Monday to Friday. A year without calendar data
 * falls back to the weekend rule but says so (`yearWithoutData`), never silently.
 */
export function dayVerdict(day: string, ctx: DayContext): DayVerdict {
  const today = dayIn(ctx.now, ctx.timeZone ?? DEFAULT_TIME_ZONE);
  const yearWithoutData = !ctx.calendar.yearsWithData.has(yearOf(day));
  const no = (reason: NotBookableReason): DayVerdict => ({ day, yearWithoutData, bookable: false, reason });
  if (day < today) return no("past");
  if (day === today) return no("today");
  if (ctx.closedDays.has(day)) return no("closed");
  const kind = ctx.calendar.days.get(day);
  if (kind === "holiday") return no("holiday");
  if (kind !== "workday") {
    const wd = weekdayOf(day);
    if (wd === 0 || wd === 6) return no("weekend");
  }
  return { day, yearWithoutData, bookable: true };
}

const REFUSAL = {
  past: "APPOINTMENT_DAY_PAST",
  today: "APPOINTMENT_DAY_TODAY",
  holiday: "APPOINTMENT_DAY_HOLIDAY",
  weekend: "APPOINTMENT_DAY_WEEKEND",
  closed: "APPOINTMENT_DAY_CLOSED",
} as const satisfies Record<NotBookableReason, string>;

/** For booking: throws the Chinese refusal for a day that is not bookable (R-APT-5). */
export function assertBookableDay(day: string, ctx: DayContext): void {
  const v = dayVerdict(day, ctx);
  if (!v.bookable) throw new AppError(REFUSAL[v.reason]);
}
