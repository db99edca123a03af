import "server-only";
import { sql } from "drizzle-orm";
import { holidayRowsFromPackage, HOLIDAY_SOURCE } from "@/server/domain/appointments/holiday-data";
import type { DB, Queryable } from "@/server/db/open";
import { rowsOf } from "@/server/db/rows";
import { calendarDays } from "@/server/db/schema";

/**
 * Whether a table exists. Migration tests seed a database migrated only up to an older migration with
 * today's seeds (tests/vocabulary-migration.int.test.ts); the appointment steps then have nothing to fill.
 * After a full migration, as at every start-up, the tables are always there.
 */
export async function tableExists(db: Queryable, table: string) {
  const [r] = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass(${table})::text as t`));
  return !!r?.t;
}

/**
 * Reference data: the platform holiday calendar from chinese-days (issue 10 item 1). Per year, and only for
 * years with no row yet: a new package release adds its new year at the next start, while a year an
 * administrator has already edited (or entered by hand, e.g. 2027) is left as it is.
 */
export async function seedHolidayCalendar(db: DB) {
  if (!(await tableExists(db, "calendar_days"))) return 0;
  const present = (await db.select({ y: sql<number>`distinct extract(year from ${calendarDays.day})::int` }).from(calendarDays)) as { y: number }[];
  const have = new Set(present.map((r) => r.y));
  const rows = holidayRowsFromPackage()
    .filter((r) => !have.has(Number(r.day.slice(0, 4))))
    .map((r) => ({ ...r, source: HOLIDAY_SOURCE }));
  if (rows.length === 0) return 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(calendarDays).values(rows.slice(i, i + 500)).onConflictDoNothing();
  });
  return rows.length;
}
