import "server-only";
import { and, count, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import { inRegion, locatedRecordScope, organisationScope, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { instruments, organisations, statEnterpriseFiling, statInstitutionTotals, statRegionCells, users } from "@/server/db/schema";
import { allOf, cellScope, cityCells, figureSums, onceEach, type CellColumns } from "@/server/services/statistics/cells";

export type Figure = { label: string; value: number };

/**
 * The figures a role's home page shows. Instruments are counted per disjoint part of the scope, so each
 * part is an index-only count (a legal institution's region, plus what is with it elsewhere); enterprises
 * are the same set as 申报企业 and organisation.byId (see enterpriseScope).
 */
export async function homeFigures(db: Queryable, scope: Scope): Promise<Figure[]> {
  if (scope.kind === "none") return [];
  // Independent counts run side by side (separate pool connections on PostgreSQL).
  const [instrumentCounts, enterprises] = await Promise.all([
    instrumentsInScope(db, scope),
    scope.kind === "enterprise"
      ? null
      : one(db.select({ n: count() }).from(organisations).where(and(eq(organisations.kind, "enterprise"), eq(organisations.status, "approved"), enterpriseScope(scope)))),
  ]);
  const figures: Figure[] = [
    {
      label: scope.kind === "enterprise" ? "台账仪器" : scope.kind === "admin" ? "全部仪器" : "辖区仪器",
      value: instrumentCounts,
    },
  ];
  if (enterprises !== null) figures.push({ label: scope.kind === "admin" ? "全部企业" : "辖区企业", value: enterprises });
  if (scope.kind === "admin") {
    const [pending, u] = await Promise.all([
      one(db.select({ n: count() }).from(organisations).where(eq(organisations.status, "pending"))),
      one(db.select({ n: count() }).from(users)),
    ]);
    figures.push({ label: "待审核注册", value: pending }, { label: "用户", value: u });
  }
  return figures;
}

/**
 * `organisationScope` for a count over every enterprise: an institution's "filed with" (R-SCOPE-2) is taken as one
 * set from the statistics layer (stat_enterprise_filing by institution; a row exists while the enterprise has an
 * instrument with the institution, as `filedWith` asks of instruments) and hashed once, where `filedWith` would
 * probe instruments once per enterprise — right for a page or one organisation, 100+ ms over 40,000 enterprises.
 */
function enterpriseScope(scope: Scope): SQL {
  if (scope.kind !== "legalInstitution" && scope.kind !== "authorisedInstitution") return organisationScope(scope, organisations);
  const filed = inArray(
    organisations.id,
    sql`(select ${statEnterpriseFiling.enterpriseId} from ${statEnterpriseFiling} where ${eq(statEnterpriseFiling.institutionId, scope.orgId)})`,
  );
  return scope.kind === "legalInstitution" ? (or(inRegion(organisations, scope.region), filed) as SQL) : filed;
}

/**
 * Instruments in scope: an enterprise counts its own ledger (an index-only count); an institution sums the undated
 * county × institution totals of its region and its own (R-STAT-1, a few hundred rows); a regulator or the admin
 * sums the statistics layer's month-or-day cells, each instrument in exactly one of them.
 */
async function instrumentsInScope(db: Queryable, scope: Scope): Promise<number> {
  if (scope.kind === "enterprise") return one(db.select({ n: count() }).from(instruments).where(locatedRecordScope(scope, instruments)));
  if (scope.kind === "legalInstitution" || scope.kind === "authorisedInstitution") {
    const t = statInstitutionTotals;
    const mine = eq(t.institutionId, scope.orgId);
    return one(db.select({ n: sql<number>`coalesce(sum(${t.n}), 0)::int` }).from(t).where(scope.kind === "legalInstitution" ? or(inRegion(t, scope.region), mine) : mine));
  }
  const today = chinaToday();
  const c: CellColumns = scope.kind === "admin" || (scope.kind === "regulator" && scope.region.level === "province") ? cityCells : statRegionCells;
  return one(db.select({ n: figureSums(c, today).all }).from(c.n.table).where(allOf(cellScope(scope, c), onceEach(c, today))));
}

const one = async (q: PromiseLike<{ n: number }[]>) => (await q)[0]?.n ?? 0;
