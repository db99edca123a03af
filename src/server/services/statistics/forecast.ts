import "server-only";
import { and, eq, gte, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { addDays, chinaToday, daysBetween } from "@/lib/china-day";
import type { forecastInput } from "@/lib/schemas/statistics";
import { inRegion, regionFilterOf, type RegionFilter, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { organisations, statInstrumentCells } from "@/server/db/schema";
import { weekdayOf } from "@/server/domain/appointments/calendar";
import { notFound } from "@/server/errors";
import { openSlots } from "@/server/services/appointments/open-slots";
import { regionWhere } from "./cells";

export const FORECAST_WEEKS = 13;

type Institution = { id: number; name: string; institutionKind: "legal" | "authorised" | null; regionCode: string | null };

/** The 13 weeks ahead: Monday to Sunday, the first one the week after today's. */
export function forecastWeeks(today: string) {
  const start = addDays(today, 7 - ((weekdayOf(today) + 6) % 7));
  return Array.from({ length: FORECAST_WEEKS }, (_, i) => ({ from: addDays(start, 7 * i), to: addDays(start, 7 * i + 6) }));
}

/** An institution's jurisdiction (R-SCOPE-2): a legal one's region subtree; an authorised one has none. */
const jurisdictionOf = (i: Institution): RegionFilter | null => (i.institutionKind === "legal" && i.regionCode ? regionFilterOf(i.regionCode) : null);

/**
 * Demand per institution and week (issue 12 item 7): instruments whose validity ends in that week, located in
 * the institution's jurisdiction or filed with it — summed from the statistics layer's day cells, never from
 * the instruments. Cells are grouped per county × institution × week once for all institutions asked about.
 */
async function demandOf(db: Queryable, list: Institution[], today: string) {
  const weeks = forecastWeeks(today);
  const first = weeks[0]!.from;
  const last = weeks.at(-1)!.to;
  const c = statInstrumentCells;
  const ids = list.map((i) => i.id);
  const places = list.map(jurisdictionOf).filter((r): r is RegionFilter => r !== null);
  const week = sql<number>`((${c.day} - ${first}::date) / 7)::int`;
  const rows = await db
    .select({ county: c.countyCode, city: c.cityCode, province: c.provinceCode, institution: c.institutionId, week, n: sql<number>`sum(${c.n})::int` })
    .from(c)
    .where(
      and(
        eq(c.fine, true),
        eq(c.dayKind, "v"),
        gte(c.day, first),
        lte(c.day, last),
        or(ids.length ? inArray(c.institutionId, ids) : undefined, ...places.map((p) => inRegion(c, p))) as SQL,
      ),
    )
    .groupBy(sql`1, 2, 3, 4, 5`);
  const demand = new Map<number, number[]>();
  for (const i of list) {
    const r = jurisdictionOf(i);
    const inside = (row: (typeof rows)[number]) => r !== null && (r.level === "province" ? row.province : r.level === "city" ? row.city : row.county) === r.code;
    const perWeek = new Array<number>(FORECAST_WEEKS).fill(0);
    for (const row of rows) if (inside(row) || row.institution === i.id) perWeek[row.week]! += row.n;
    demand.set(i.id, perWeek);
  }
  return { weeks, demand };
}

/** Bookable capacity per week: the slots' places (送检 + 现场) on each bookable day (R-APT-5) of the week. */
async function capacityOf(db: Queryable, institutionId: number, weeks: { from: string; to: string }[], now: Date) {
  const first = weeks[0]!.from;
  const open = await openSlots(db, institutionId, first, FORECAST_WEEKS * 7, { now });
  const perWeek = new Array<number>(FORECAST_WEEKS).fill(0);
  for (const d of open.days) {
    const w = Math.floor(daysBetween(first, d.day) / 7);
    perWeek[w]! += d.slots.reduce((s, slot) => s + slot.capacity.send_in + slot.capacity.on_site, 0);
  }
  return { perWeek, yearsWithoutData: open.yearsWithoutData };
}

async function forecastOf(db: Queryable, list: Institution[], now: Date) {
  const today = chinaToday(now);
  const { weeks, demand } = await demandOf(db, list, today);
  const capacities = await Promise.all(list.map((i) => capacityOf(db, i.id, weeks, now)));
  return {
    today,
    weeks,
    institutions: list.map((inst, k) => {
      const d = demand.get(inst.id)!;
      const cap = capacities[k]!;
      const rows = weeks.map((w, j) => ({ ...w, demand: d[j]!, capacity: cap.perWeek[j]!, over: d[j]! > cap.perWeek[j]! }));
      return { id: inst.id, name: inst.name, weeks: rows, overWeeks: rows.filter((r) => r.over).length, yearsWithoutData: cap.yearsWithoutData };
    }),
  };
}

const institutionColumns = { id: organisations.id, name: organisations.name, institutionKind: organisations.institutionKind, regionCode: organisations.regionCode };

/**
 * 负荷预测: an institution sees its own weeks; a regulator every approved institution located in its region
 * (R-SCOPE-3), and may narrow to one of them — an institution outside its region is NOT_FOUND.
 */
export async function forecast(db: Queryable, scope: Scope, input: z.infer<typeof forecastInput>, now = new Date()) {
  let where: SQL;
  if (scope.kind === "legalInstitution" || scope.kind === "authorisedInstitution") where = eq(organisations.id, scope.orgId);
  else if (scope.kind === "regulator")
    where = and(regionWhere(organisations, scope.region), input?.institution ? eq(organisations.id, input.institution) : undefined) as SQL;
  else throw notFound();
  const list = await db
    .select(institutionColumns)
    .from(organisations)
    .where(and(where, eq(organisations.kind, "institution"), eq(organisations.status, "approved")))
    .orderBy(organisations.id);
  if (list.length === 0 && (scope.kind !== "regulator" || input?.institution)) throw notFound();
  return forecastOf(db, list, now);
}
