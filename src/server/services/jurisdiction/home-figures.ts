import "server-only";
import { and, count, eq } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import { locatedRecordScope, organisationScope, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { instruments, organisations, statInstrumentCells, statRegionCells, users } from "@/server/db/schema";
import { allOf, cellScope, cityCells, figureSums, onceEach, type CellColumns } from "@/server/services/statistics/cells";

export type Figure = { label: string; value: number };

/**
 * The figures a role's home page shows. Instruments are counted per disjoint part of the scope, so each
 * part is an index-only count (a legal institution's region, plus what is with it elsewhere); enterprises
 * use the same scope as 申报企业 and organisation.byId.
 */
export async function homeFigures(db: Queryable, scope: Scope): Promise<Figure[]> {
  if (scope.kind === "none") return [];
  // Independent counts run side by side (separate pool connections on PostgreSQL).
  const [instrumentCounts, enterprises] = await Promise.all([
    instrumentsInScope(db, scope),
    scope.kind === "enterprise"
      ? null
      : one(db.select({ n: count() }).from(organisations).where(and(eq(organisations.kind, "enterprise"), eq(organisations.status, "approved"), organisationScope(scope, organisations)))),
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
 * Instruments in scope: an enterprise counts its own ledger (an index-only count); every other scope sums the
 * statistics layer's month-or-day cells (R-STAT-1), each instrument in exactly one of them.
 */
async function instrumentsInScope(db: Queryable, scope: Scope): Promise<number> {
  if (scope.kind === "enterprise") return one(db.select({ n: count() }).from(instruments).where(locatedRecordScope(scope, instruments)));
  const today = chinaToday();
  const c: CellColumns =
    scope.kind === "admin" || (scope.kind === "regulator" && scope.region.level === "province") ? cityCells : scope.kind === "regulator" ? statRegionCells : statInstrumentCells;
  return one(db.select({ n: figureSums(c, today).all }).from(c.n.table).where(allOf(cellScope(scope, c), onceEach(c, today))));
}

const one = async (q: PromiseLike<{ n: number }[]>) => (await q)[0]?.n ?? 0;
