import "server-only";
import { and, asc, desc, eq, gt, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { addMonths, chinaToday } from "@/lib/china-day";
import type { StatDashboardInput, StatFilter } from "@/lib/schemas/statistics";
import type { StatPeriod } from "@/lib/vocab/stat-period";
import { regionFilterOf, type Scope } from "@/server/authz/scope";
import { decodeCursor, encodeCursor } from "@/server/db/keyset";
import type { Queryable } from "@/server/db/open";
import {
  catalogueItems,
  catalogueVersions,
  organisations,
  statEnterpriseCells,
  statEnterpriseRegionCells,
  statEnterpriseTotals,
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

/** The enterprise rows of a county view page by keyset on (instruments desc, enterprise id). */
const enterpriseCursor = z.tuple([z.number().int().nonnegative(), z.number().int().positive()]);

/**
 * 统计分析 (issue 12 item 2, SPEC §10): the cards and one row per child region (province → cities → counties;
 * a county lists its enterprises, one page at a time, most instruments first) for a region in the regulator's
 * subtree, all from the statistics layer. Every read starts at once (one round trip of latency): the region's
 * existence and the filters are checked beside the sums, and nothing is answered unless both checks pass.
 */
export async function dashboard(db: Queryable, scope: RegulatorScope, input: StatDashboardInput, now = new Date()) {
  const { cursor, limit, ...f } = input;
  const today = chinaToday(now);
  const target = regionFilterOf(targetRegion(scope, f.region));
  const from = periodStart(f.period, today);
  const level = target.level;
  const childLevel: "city" | "county" | "enterprise" = level === "province" ? "city" : level === "city" ? "county" : "enterprise";

  const verification = statVerificationCells;
  const vWhere = allOf(regionWhere(verification, target), gte(verification.month, from), dimFilters(verification, f));
  const vSums = { verified: sql<number>`coalesce(sum(${verification.n}), 0)::int`, passed: sql<number>`coalesce(sum(${verification.n}) filter (where ${verification.verdict} = 'pass'), 0)::int` };

  const checks = Promise.all([regionInScope(db, scope, f.region), checkFilters(db, f)]);
  if (childLevel === "enterprise") {
    const after = cursor ? decodeCursor(cursor, enterpriseCursor) : null;
    // The cards of a county in one statement: its region cells (unfiltered) or its full cells (filtered), not a
    // sum of the rows, with the period's verifications and the number of its enterprises beside them.
    const cc: CellColumns = filtered(f) ? statInstrumentCells : statRegionCells;
    const v = (sum: SQL) => sql<number>`(select ${sum} from ${verification} where ${vWhere})`;
    const cardsQuery = db
      .select({ ...figureSums(cc, today), verified: v(vSums.verified), passed: v(vSums.passed), enterprises: enterpriseCount(db, target.code, f, today) })
      .from(cc.n.table)
      .where(allOf(eq(cc.countyCode, target.code), onceEach(cc, today), filtered(f) ? dimFilters(statInstrumentCells, f) : undefined));
    const [[region], page, [got]] = await Promise.all([checks, enterprisePage(db, target.code, f, today, after, limit), cardsQuery]);
    const { verified, passed, enterprises, ...cards } = got!;
    return {
      today,
      periodFrom: from,
      region: { code: region.filter.code, name: region.name, level },
      breadcrumb: region.breadcrumb,
      childLevel,
      cards: { ...cards, verified, passed },
      rows: page.rows,
      enterpriseCount: enterprises,
      nextCursor: page.nextCursor,
    };
  }
  // Unfiltered province: the per-city cells; unfiltered city: the per-county cells; filtered: the full cells.
  const c: CellColumns = filtered(f) ? statInstrumentCells : childLevel === "city" ? cityCells : statRegionCells;
  const child = childLevel === "city" ? c.cityCode : c.countyCode;
  const vChild = childLevel === "city" ? verification.cityCode : verification.countyCode;
  const filters = filtered(f) ? dimFilters(statInstrumentCells, f) : undefined;
  const [[region], children, got, verified, [total]] = await Promise.all([
    checks,
    childRegions(db, target.code),
    db.select({ code: sql<string>`${child}`, ...figureSums(c, today) }).from(c.n.table).where(allOf(regionWhere(c, target), onceEach(c, today), filters)).groupBy(child),
    db.select({ code: sql<string>`${vChild}`, ...vSums }).from(verification).where(vWhere).groupBy(vChild),
    db.select(vSums).from(verification).where(vWhere),
  ]);
  const byCode = new Map(got.map(({ code, ...figures }) => [code, figures as FigureCounts]));
  const vByCode = new Map(verified.map((v) => [v.code, v]));
  const rows: DashboardRow[] = children.map((r) => ({
    key: r.code,
    name: r.name,
    region: r.code,
    enterprise: null,
    figures: byCode.get(r.code) ?? zeroFigures(),
    verified: vByCode.get(r.code)?.verified ?? 0,
    passed: vByCode.get(r.code)?.passed ?? 0,
  }));
  // The cards are the sum of the rows: every instrument of the region is in exactly one child.
  const cards = rows.reduce((sum, r) => addFigures(sum, r.figures), zeroFigures());
  return {
    today,
    periodFrom: from,
    region: { code: region.filter.code, name: region.name, level },
    breadcrumb: region.breadcrumb,
    childLevel,
    cards: { ...cards, verified: total?.verified ?? 0, passed: total?.passed ?? 0 },
    rows,
    enterpriseCount: null,
    nextCursor: null,
  };
}

/** How many enterprises a county view lists (a scalar subquery of the cards' statement). */
function enterpriseCount(db: Queryable, county: string, f: StatFilter, today: string): SQL<number> {
  if (!filtered(f)) return sql<number>`(select count(*)::int from ${statEnterpriseTotals} where ${eq(statEnterpriseTotals.countyCode, county)})`;
  const c: CellColumns & Dimensioned = statEnterpriseCells;
  return sql<number>`(select count(distinct ${statEnterpriseCells.enterpriseId})::int from ${statEnterpriseCells} where ${allOf(eq(c.countyCode, county), onceEach(c, today), dimFilters(c, f))})`;
}

/**
 * One page of a county's enterprises, most instruments first. Unfiltered: the page is picked from the
 * per-enterprise totals by index (no date, so nothing to sum) and only its enterprises' dated cells are summed,
 * in the same statement. Filtered: the filter dimensions' enterprise cells of the county are summed and paged.
 */
async function enterprisePage(db: Queryable, county: string, f: StatFilter, today: string, after: [number, number] | null, limit: number) {
  let rows: Promise<({ enterprise: number; name: string; total: number } & FigureCounts)[]>;
  if (!filtered(f)) {
    const t = statEnterpriseTotals;
    const c: CellColumns & { enterpriseId: CellColumns["n"] } = statEnterpriseRegionCells;
    const page = db.$with("page").as(
      db
        .select({ enterpriseId: t.enterpriseId, total: sql<number>`${t.n}`.as("total"), name: sql<string>`${organisations.name}`.as("name") })
        .from(t)
        .innerJoin(organisations, eq(organisations.id, t.enterpriseId))
        .where(and(eq(t.countyCode, county), after ? or(lt(t.n, after[0]), and(eq(t.n, after[0]), gt(t.enterpriseId, after[1]))) : undefined))
        // NULLS LAST as in the index (n is never null; the planner only walks the index when the order matches).
        .orderBy(sql`${t.n} desc nulls last`, asc(t.enterpriseId))
        .limit(limit + 1),
    );
    rows = db
      .with(page)
      .select({ enterprise: sql<number>`${page.enterpriseId}`, name: sql<string>`${page.name}`, total: sql<number>`${page.total}`, ...figureSums(c, today) })
      .from(page)
      .innerJoin(statEnterpriseRegionCells, and(eq(c.countyCode, county), eq(c.enterpriseId, page.enterpriseId), onceEach(c, today)))
      .groupBy(page.enterpriseId, page.total, page.name)
      .orderBy(desc(page.total), asc(page.enterpriseId));
  } else {
    const c: CellColumns & Dimensioned & { enterpriseId: CellColumns["n"] } = statEnterpriseCells;
    const where = allOf(eq(c.countyCode, county), onceEach(c, today), dimFilters(c, f));
    const total = sql<number>`sum(${c.n})`;
    rows = db
      .select({ enterprise: sql<number>`${c.enterpriseId}`, name: organisations.name, total: sql<number>`${total}::int`, ...figureSums(c, today) })
      .from(statEnterpriseCells)
      .innerJoin(organisations, eq(organisations.id, c.enterpriseId))
      .where(where)
      .groupBy(c.enterpriseId, organisations.name)
      .having(after ? sql`${total} < ${after[0]} or (${total} = ${after[0]} and ${c.enterpriseId} > ${after[1]})` : undefined)
      .orderBy(desc(total), asc(c.enterpriseId))
      .limit(limit + 1);
  }
  const got = await rows;
  const more = got.length > limit;
  const shown = more ? got.slice(0, limit) : got;
  const last = shown[shown.length - 1];
  return {
    rows: shown.map(({ enterprise, name, total: _total, ...figures }): DashboardRow => ({ key: `e${enterprise}`, name, region: null, enterprise: Number(enterprise), figures, verified: null, passed: null })),
    nextCursor: more && last ? encodeCursor([Number(last.total), Number(last.enterprise)]) : null,
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
