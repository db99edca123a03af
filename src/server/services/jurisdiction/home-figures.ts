import "server-only";
import { and, count, eq, ne, or, sql } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import { inRegion, locatedRecordScope, organisationScope, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { instruments, organisations, statInstitutionEnterprises, statInstitutionTotals, statRegionCells, users } from "@/server/db/schema";
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
      : enterprisesInScope(db, scope),
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
 * Approved enterprises in the same scope as 申报企业 (organisationScope). An institution's "filed with" set F
 * (R-SCOPE-2) is read from the statistics layer (stat_institution_enterprises: a pair exists while the enterprise
 * has an instrument with the institution, as `filedWith` asks of instruments), and the count is taken without
 * matching F against every enterprise (30,000 at 10M instruments, 50+ ms):
 *   |approved ∩ (R ∪ F)| = |approved ∩ R| + |F| − |F ∩ (R ∪ not approved)|
 * with R the region (empty for an authorised institution): an index-only count of F, and a primary-key probe of
 * F for each enterprise in the region or not approved only.
 */
async function enterprisesInScope(db: Queryable, scope: Scope): Promise<number> {
  const o = organisations;
  const enterprise = eq(o.kind, "enterprise");
  if (scope.kind !== "legalInstitution" && scope.kind !== "authorisedInstitution") {
    return one(db.select({ n: count() }).from(o).where(and(enterprise, eq(o.status, "approved"), organisationScope(scope, o))));
  }
  const f = statInstitutionEnterprises;
  const region = scope.kind === "legalInstitution" ? inRegion(o, scope.region) : sql`false`;
  const inF = sql`exists (select 1 from ${f} where ${f.institutionId} = ${scope.orgId} and ${f.enterpriseId} = ${sql`${o.id}`})`;
  const [inRegionApproved, filed, overlap] = await Promise.all([
    scope.kind === "legalInstitution" ? one(db.select({ n: count() }).from(o).where(and(enterprise, eq(o.status, "approved"), region))) : 0,
    one(db.select({ n: count() }).from(f).where(eq(f.institutionId, scope.orgId))),
    one(db.select({ n: count() }).from(o).where(and(enterprise, or(region, ne(o.status, "approved")), inF))),
  ]);
  return inRegionApproved + filed - overlap;
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
