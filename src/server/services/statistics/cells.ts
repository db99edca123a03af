import "server-only";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { addDays, addMonths } from "@/lib/china-day";
import { inRegion, type RegionFilter, type Scope } from "@/server/authz/scope";
import { statCityCells } from "@/server/db/schema";
import { bucketBounds, type Bucket } from "@/server/domain/filing/buckets";

/**
 * Reading the statistics layer (src/server/db/schema/statistics.ts): which cells to sum for a given China day,
 * and the SQL sums of the figures. The six buckets move with the day; the cells do not.
 */
export type CellColumns = {
  provinceCode: AnyPgColumn;
  cityCode: AnyPgColumn;
  countyCode: AnyPgColumn;
  filed: AnyPgColumn;
  failed: AnyPgColumn;
  dayKind: AnyPgColumn;
  fine: AnyPgColumn;
  day: AnyPgColumn;
  n: AnyPgColumn;
  institutionId?: AnyPgColumn;
};

/** The dated columns every cell table has, all that the figure sums read (place columns only filter). */
export type DatedColumns = Pick<CellColumns, "filed" | "failed" | "dayKind" | "fine" | "day" | "n">;

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * Day cells are read for the months that contain a bucket threshold (T − 30 … T + 30, R-BKT-1…3), month cells
 * for every other month: within such a month every day compares alike with every threshold.
 */
export function fineWindow(today: string) {
  return { from: monthStart(addDays(today, -30)), to: addMonths(monthStart(addDays(today, 30)), 1) };
}

/** Selects each instrument exactly once: its day cell inside the window, else its month cell. */
export function onceEach(c: DatedColumns, today: string): SQL {
  const w = fineWindow(today);
  return sql`((${c.fine} and ${c.day} >= ${w.from} and ${c.day} < ${w.to}) or (not ${c.fine} and (${c.day} < ${w.from} or ${c.day} >= ${w.to})))`;
}

/** R-BKT-1…5 on a cell, the twin of `bucketWhere` (src/server/domain/filing/buckets.ts), same bounds. */
export function cellBucket(bucket: Bucket, c: DatedColumns, today: string): SQL {
  const b = bucketBounds(today);
  const v = sql`${c.dayKind} = 'v'`;
  const a = sql`${c.dayKind} = 'a'`;
  switch (bucket) {
    case "all":
      return sql`true`;
    case "due":
      return sql`((${a} and ${c.day} >= ${b.dueApprovedFrom}) or (${v} and ${c.day} >= ${b.today} and ${c.day} <= ${b.dueValidUntil}))`;
    case "overdue":
      return sql`((${a} and ${c.day} < ${b.dueApprovedFrom}) or (${v} and ${c.day} < ${b.today}))`;
    case "invalid":
      return sql`((${a} and ${c.day} < ${b.invalidApprovedBefore}) or (${v} and ${c.day} < ${b.invalidValidBefore}))`;
    case "valid":
      return sql`(${v} and ${c.day} > ${b.dueValidUntil})`;
    case "failed":
      return sql`${c.failed}`;
  }
}

export const FIGURES = ["all", "filed", "valid", "due", "overdue", "invalid", "failed"] as const;
export type Figure = (typeof FIGURES)[number];
export type FigureCounts = Record<Figure, number>;

/** `sum(n) filter (…)` per figure, as integer columns. */
export function figureSums(c: DatedColumns, today: string): Record<Figure, SQL<number>> {
  const s = (where: SQL) => sql<number>`coalesce(sum(${c.n}) filter (where ${where}), 0)::int`;
  return {
    all: sql<number>`coalesce(sum(${c.n}), 0)::int`,
    filed: s(sql`${c.filed}`),
    valid: s(cellBucket("valid", c, today)),
    due: s(cellBucket("due", c, today)),
    overdue: s(cellBucket("overdue", c, today)),
    invalid: s(cellBucket("invalid", c, today)),
    failed: s(cellBucket("failed", c, today)),
  };
}

export const zeroFigures = (): FigureCounts => ({ all: 0, filed: 0, valid: 0, due: 0, overdue: 0, invalid: 0, failed: 0 });

export function addFigures(into: FigureCounts, x: FigureCounts) {
  for (const f of FIGURES) into[f] += x[f];
  return into;
}

/**
 * The caller's scope on cells (R-SCOPE-2/3), the same sets as `locatedRecordScope` on instruments. Cells without
 * an institution column (region cells) serve regulators only.
 */
export function cellScope(scope: Scope, c: CellColumns): SQL {
  switch (scope.kind) {
    case "regulator":
      return inRegion(c, scope.region);
    case "legalInstitution":
      if (!c.institutionId) throw new Error("cells without an institution cannot answer an institution's scope");
      return or(inRegion(c, scope.region), eq(c.institutionId, scope.orgId)) as SQL;
    case "authorisedInstitution":
      if (!c.institutionId) throw new Error("cells without an institution cannot answer an institution's scope");
      return eq(c.institutionId, scope.orgId);
    case "admin":
      return sql`true`;
    default:
      return sql`false`;
  }
}

export const regionWhere = (c: Parameters<typeof inRegion>[0], region: RegionFilter | null) => (region ? inRegion(c, region) : undefined);
export const allOf = (...parts: (SQL | undefined)[]) => and(...parts) ?? sql`true`;

/** City cells have no county column: they serve province-wide reads only (a county filter never reaches them). */
export const cityCells: CellColumns = { ...statCityCells, countyCode: statCityCells.cityCode } as unknown as CellColumns;
