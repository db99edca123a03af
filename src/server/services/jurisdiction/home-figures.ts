import "server-only";
import { and, count, eq } from "drizzle-orm";
import { locatedRecordScopeParts, organisationScope, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { instruments, organisations, users } from "@/server/db/schema";

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
    Promise.all(locatedRecordScopeParts(scope, instruments).map((where) => one(db.select({ n: count() }).from(instruments).where(where)))),
    scope.kind === "enterprise"
      ? null
      : one(db.select({ n: count() }).from(organisations).where(and(eq(organisations.kind, "enterprise"), eq(organisations.status, "approved"), organisationScope(scope, organisations)))),
  ]);
  const figures: Figure[] = [
    {
      label: scope.kind === "enterprise" ? "台账仪器" : scope.kind === "admin" ? "全部仪器" : "辖区仪器",
      value: instrumentCounts.reduce((sum, n) => sum + n, 0),
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

const one = async (q: PromiseLike<{ n: number }[]>) => (await q)[0]?.n ?? 0;
