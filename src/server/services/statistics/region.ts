import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { regionFilterOf, type RegionFilter, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { regions } from "@/server/db/schema";
import { notFound } from "@/server/errors";

export type RegionView = { filter: RegionFilter; name: string; breadcrumb: { code: string; name: string }[] };

/**
 * The region a regulator looks at (R-SCOPE-3): its own by default, or one inside its subtree; any other
 * code — another city, a parent, a code that does not exist — is NOT_FOUND (R-SCOPE-4). The breadcrumb runs
 * from the caller's own region down to it.
 */
export async function regionInScope(db: Queryable, scope: Extract<Scope, { kind: "regulator" }>, code: string | undefined): Promise<RegionView> {
  const own = scope.region.code;
  const target = targetRegion(scope, code);
  const chain = [2, 4, 6].filter((len) => len >= own.length && len <= target.length).map((len) => target.slice(0, len));
  const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, chain));
  const byCode = new Map(rows.map((r) => [r.code, r.name]));
  if (!byCode.has(target)) throw notFound();
  return { filter: regionFilterOf(target), name: byCode.get(target)!, breadcrumb: chain.filter((c) => byCode.has(c)).map((c) => ({ code: c, name: byCode.get(c)! })) };
}

/**
 * The code a regulator asks for, checked against its subtree without touching the database (so that the reads
 * can start at once, side by side with `regionInScope`, which also checks that the code exists).
 */
export function targetRegion(scope: Extract<Scope, { kind: "regulator" }>, code: string | undefined): string {
  const target = code ?? scope.region.code;
  if (!target.startsWith(scope.region.code)) throw notFound();
  return target;
}

/** The child regions of a province or city, in code order. */
export async function childRegions(db: Queryable, parent: string) {
  return db.select({ code: regions.code, name: regions.name }).from(regions).where(and(eq(regions.parentCode, parent))).orderBy(regions.code);
}
