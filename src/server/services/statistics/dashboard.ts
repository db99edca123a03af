import "server-only";
import { and, asc, eq, gte, sql, type SQL } from "drizzle-orm";
import { addMonths, chinaToday } from "@/lib/china-day";
import type { StatFilter } from "@/lib/schemas/statistics";
import type { StatPeriod } from "@/lib/vocab/stat-period";
import { regionFilterOf, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import {
  catalogueItems,
  catalogueVersions,
  organisations,
  statEnterpriseCells,
  statEnterpriseRegionCells,
  statInstrumentCells,
  statRegionCells,
  statVerificationCells,
} from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { addFigures, allOf, cityCells, figureSums, onceEach, regionWhere, zeroFigures, type CellColumns, type FigureCounts } from "./cells";
import { childRegions, regionInScope, targetRegion } from "./region";

type RegulatorScope = Extract<Scope, { kind: "regulator" }>;

/** First day of the period: whole months ending with the current one. */
export function periodStart(period: StatPeriod, today: string): string {
  const month = `${today.slice(0, 7)}-01`;
  switch (period) {
    case "month":
      return month;
    case "quarter":
      return `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
    case "year":
      return `${today.slice(0, 4)}-01-01`;
    case "12m":
      return addMonths(month, -11);
  }
}

/** Unknown filter values are refused with a clear message rather than answered with zeros. */
async function checkFilters(db: Queryable, f: StatFilter) {
  if (f.item) {
    const [row] = await db
      .select({ id: catalogueItems.id })
      .from(catalogueItems)
      .innerJoin(catalogueVersions, eq(catalogueVersions.id, catalogueItems.versionId))
      .where(and(eq(catalogueItems.id, f.item), eq(catalogueVersions.isCurrent, true)));
    if (!row) throw new AppError("STAT_UNKNOWN_ITEM");
  }
  if (f.institution) {
    const [row] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, f.institution), eq(organisations.kind, "institution")));
    if (!row) throw new AppError("STAT_UNKNOWN_INSTITUTION");
  }
}

type Dimensioned = { itemId: CellColumns["n"]; purpose: CellColumns["n"]; institutionId: CellColumns["n"] };
const dimFilters = (c: Dimensioned, f: StatFilter): SQL | undefined =>
  and(f.item ? eq(c.itemId, f.item) : undefined, f.purpose ? eq(c.purpose, f.purpose) : undefined, f.institution ? eq(c.institutionId, f.institution) : undefined);
const filtered = (f: StatFilter) => Boolean(f.item || f.purpose || f.institution);

export type DashboardRow = { key: string; name: string; region: string | null; enterprise: number | null; figures: FigureCounts; verified: number | null; passed: number | null };

/**
 * 统计分析 (issue 12 item 2, SPEC §10): the cards and one row per child region (province → cities → counties;
 * a county lists its enterprises) for a region in the regulator's subtree, all from the statistics layer.
 * The cards are the sum of the rows (every instrument of the region is in exactly one child).
 */
export async function dashboard(db: Queryable, scope: RegulatorScope, f: StatFilter, now = new Date()) {
  const today = chinaToday(now);
  // Every read starts at once (one round trip of latency): the region's existence and the filters are
  // checked beside the sums, and nothing is answered unless both checks pass.
  const target = regionFilterOf(targetRegion(scope, f.region));
  const from = periodStart(f.period, today);
  const level = target.level;
  const childLevel: "city" | "county" | "enterprise" = level === "province" ? "city" : level === "city" ? "county" : "enterprise";

  const verification = statVerificationCells;
  const vWhere = allOf(regionWhere(verification, target), gte(verification.month, from), dimFilters(verification, f));
  const vSums = { verified: sql<number>`coalesce(sum(${verification.n}), 0)::int`, passed: sql<number>`coalesce(sum(${verification.n}) filter (where ${verification.verdict} = 'pass'), 0)::int` };

  const checks = Promise.all([regionInScope(db, scope, f.region), checkFilters(db, f)]);
  const totalQuery = db.select(vSums).from(verification).where(vWhere);
  let rowsQuery: Promise<DashboardRow[]>;
  if (childLevel === "enterprise") {
    // Unfiltered: the enterprise × day cells; filtered: the same with the filter dimensions.
    const c: CellColumns & { enterpriseId: CellColumns["n"] } = filtered(f) ? statEnterpriseCells : statEnterpriseRegionCells;
    rowsQuery = db
      .select({ enterprise: sql<number>`${c.enterpriseId}`, name: organisations.name, ...figureSums(c, today) })
      .from(c.n.table)
      .innerJoin(organisations, eq(organisations.id, c.enterpriseId))
      .where(allOf(eq(c.countyCode, target.code), onceEach(c, today), filtered(f) ? dimFilters(statEnterpriseCells, f) : undefined))
      .groupBy(c.enterpriseId, organisations.name)
      .orderBy(sql`sum(${c.n}) desc`, asc(c.enterpriseId))
      .then((got) =>
        got.map(({ enterprise, name, ...figures }) => ({ key: `e${enterprise}`, name, region: null, enterprise: Number(enterprise), figures, verified: null, passed: null })),
      );
  } else {
    // Unfiltered province: the per-city cells; unfiltered city: the per-county cells; filtered: the full cells.
    const c: CellColumns = filtered(f) ? statInstrumentCells : childLevel === "city" ? cityCells : statRegionCells;
    const child = childLevel === "city" ? c.cityCode : c.countyCode;
    const vChild = childLevel === "city" ? verification.cityCode : verification.countyCode;
    const filters = filtered(f) ? dimFilters(statInstrumentCells, f) : undefined;
    rowsQuery = Promise.all([
      childRegions(db, target.code),
      db.select({ code: sql<string>`${child}`, ...figureSums(c, today) }).from(c.n.table).where(allOf(regionWhere(c, target), onceEach(c, today), filters)).groupBy(child),
      db.select({ code: sql<string>`${vChild}`, ...vSums }).from(verification).where(vWhere).groupBy(vChild),
    ]).then(([children, got, verified]) => {
      const byCode = new Map(got.map(({ code, ...figures }) => [code, figures as FigureCounts]));
      const vByCode = new Map(verified.map((v) => [v.code, v]));
      return children.map((r) => ({
      key: r.code,
      name: r.name,
      region: r.code,
      enterprise: null,
      figures: byCode.get(r.code) ?? zeroFigures(),
        verified: vByCode.get(r.code)?.verified ?? 0,
        passed: vByCode.get(r.code)?.passed ?? 0,
      }));
    });
  }
  const [[region], rows, [total]] = await Promise.all([checks, rowsQuery, totalQuery]);
  const cards = rows.reduce((sum, r) => addFigures(sum, r.figures), zeroFigures());
  return {
    today,
    periodFrom: from,
    region: { code: region.filter.code, name: region.name, level },
    breadcrumb: region.breadcrumb,
    childLevel,
    cards: { ...cards, verified: total?.verified ?? 0, passed: total?.passed ?? 0 },
    rows,
  };
}

/**
 * The charts besides the child regions: by catalogue item, by purpose, the institutions' workload in the period
 * and monthly verifications with the pass rate over the last 12 months.
 */
export async function dashboardBreakdown(db: Queryable, scope: RegulatorScope, f: StatFilter, now = new Date()) {
  const today = chinaToday(now);
  const region = { filter: regionFilterOf(targetRegion(scope, f.region)) };
  const from = periodStart(f.period, today);
  const c = statInstrumentCells;
  const v = statVerificationCells;
  const where = allOf(regionWhere(c, region.filter), onceEach(c, today), dimFilters(c, f));
  const sums = figureSums(c, today);
  const twelve = addMonths(`${today.slice(0, 7)}-01`, -11);
  const [, byItem, byPurpose, workload, monthly] = await Promise.all([
    Promise.all([regionInScope(db, scope, f.region), checkFilters(db, f)]),
    db
      .select({ item: c.itemId, name: catalogueItems.name, all: sums.all, overdue: sums.overdue, failed: sums.failed })
      .from(c)
      .innerJoin(catalogueItems, eq(catalogueItems.id, c.itemId))
      .where(where)
      .groupBy(c.itemId, catalogueItems.name)
      .orderBy(sql`sum(${c.n}) desc`),
    db.select({ purpose: c.purpose, all: sums.all, overdue: sums.overdue, failed: sums.failed }).from(c).where(where).groupBy(c.purpose).orderBy(c.purpose),
    db
      .select({
        institution: v.institutionId,
        name: organisations.name,
        verified: sql<number>`sum(${v.n})::int`,
        passed: sql<number>`coalesce(sum(${v.n}) filter (where ${v.verdict} = 'pass'), 0)::int`,
      })
      .from(v)
      .innerJoin(organisations, eq(organisations.id, v.institutionId))
      .where(allOf(regionWhere(v, region.filter), gte(v.month, from), dimFilters(v, f)))
      .groupBy(v.institutionId, organisations.name)
      .orderBy(sql`sum(${v.n}) desc`)
      .limit(15),
    db
      .select({
        month: v.month,
        verified: sql<number>`sum(${v.n})::int`,
        passed: sql<number>`coalesce(sum(${v.n}) filter (where ${v.verdict} = 'pass'), 0)::int`,
      })
      .from(v)
      .where(allOf(regionWhere(v, region.filter), gte(v.month, twelve), dimFilters(v, f)))
      .groupBy(v.month)
      .orderBy(v.month),
  ]);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(twelve, i));
  const byMonth = new Map(monthly.map((m) => [m.month, m]));
  return {
    today,
    byItem,
    byPurpose,
    workload,
    monthly: months.map((m) => ({ month: m, verified: byMonth.get(m)?.verified ?? 0, passed: byMonth.get(m)?.passed ?? 0 })),
  };
}

/** Filter choices: the current catalogue's items and the institutions located in the regulator's region. */
export async function dashboardFilterOptions(db: Queryable, scope: RegulatorScope) {
  const [items, institutions] = await Promise.all([
    db
      .select({ id: catalogueItems.id, name: catalogueItems.name })
      .from(catalogueItems)
      .innerJoin(catalogueVersions, eq(catalogueVersions.id, catalogueItems.versionId))
      .where(eq(catalogueVersions.isCurrent, true))
      .orderBy(catalogueItems.id),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.kind, "institution"), eq(organisations.status, "approved"), regionWhere(organisations, scope.region)))
      .orderBy(organisations.id),
  ]);
  return { items, institutions };
}
