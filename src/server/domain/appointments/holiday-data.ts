import data from "chinese-days/dist/chinese-days.json";
import type { CalendarDayKind } from "@/lib/schemas/appointments";

/** Where seeded rows come from, stored with each row. Keep in step with the exact version in package.json. */
export const HOLIDAY_SOURCE = "chinese-days@1.5.7";

type Raw = Record<string, string>;

/**
 * The package's bundled data as calendar rows. Its entries read "National Day,国庆节,3" (English, Chinese,
 * length); the Chinese name is what users see. `holidays` lists every day off, weekends inside a break
 * included; `workdays` the 调休 weekends worked. Read from the JSON rather than the UMD entry point, which
 * plain Node cannot import by name (STACK-NOTES).
 */
export function holidayRowsFromPackage(): { day: string; kind: CalendarDayKind; name: string }[] {
  const name = (v: string) => v.split(",")[1]?.trim() || v;
  const rows = [
    ...Object.entries(data.holidays as Raw).map(([day, v]) => ({ day, kind: "holiday" as const, name: name(v) })),
    ...Object.entries(data.workdays as Raw).map(([day, v]) => ({ day, kind: "workday" as const, name: name(v) })),
  ];
  return rows.sort((a, b) => a.day.localeCompare(b.day));
}
