/**
 * R-TIME-1: every calendar-day rule uses the China calendar day (Asia/Shanghai unless configured), whatever
 * the time zone of the server or the database. Days are ISO strings "YYYY-MM-DD".
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `at` in `timeZone`, e.g. 2026-11-22T16:30Z → "2026-11-23" in Shanghai. */
export function dayIn(at: Date, timeZone = DEFAULT_TIME_ZONE): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

/** Today in China (or the configured zone). */
export function chinaToday(now = new Date(), timeZone = process.env.APP_TIME_ZONE ?? DEFAULT_TIME_ZONE): string {
  return dayIn(now, timeZone);
}

const DAY_MS = 86_400_000;
function toUtcMidnight(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}

/** `day` plus `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(toUtcMidnight(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** `day` plus `n` calendar months, clamped to the month's end (2026-01-31 + 1 month → 2026-02-28). */
export function addMonths(day: string, n: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + n;
  const d = Number(day.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

/** YYYYMMDD of a day, for numbers built from dates (instrument codes, appointment numbers). */
export function compactDay(day: string): string {
  return day.replace(/-/g, "");
}
