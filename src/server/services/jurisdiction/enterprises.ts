import "server-only";
import { and, desc, eq, ilike, inArray, lt, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { enterpriseListInput } from "@/lib/schemas/filing";
import { locatedRecordScope, organisationScope, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { instruments, organisations } from "@/server/db/schema";
import { page } from "@/server/db/keyset";
import { escapeLike } from "@/server/db/like";

/**
 * 申报企业 (R-SCOPE-2): the enterprises a caller may see, newest first, each with its instruments in the
 * caller's scope — all, filed, and in the filing flow. The counts are one grouped query over the page's
 * enterprises only (index instruments (enterprise_id, filing_status, location…, institution_id)), never a
 * count per row over the whole scope.
 */
export async function listEnterprises(db: Queryable, scope: Scope, input: z.infer<typeof enterpriseListInput>) {
  const q = input.q ? escapeLike(input.q) : null;
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      uscc: organisations.uscc,
      countyCode: organisations.countyCode,
      address: organisations.address,
      status: organisations.status,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "enterprise"),
        organisationScope(scope, organisations),
        input.cursor ? lt(organisations.id, input.cursor) : undefined,
        q ? or(ilike(organisations.name, q), ilike(organisations.uscc, q)) : undefined,
      ),
    )
    .orderBy(desc(organisations.id))
    .limit(input.limit + 1);
  const { items, nextCursor } = page(rows, input.limit);
  const counts = new Map((await countsOf(db, scope, items.map((r) => r.id))).map((c) => [c.enterpriseId, c]));
  return {
    nextCursor,
    items: items.map((r) => {
      const c = counts.get(r.id);
      return { ...r, instruments: c?.instruments ?? 0, filed: c?.filed ?? 0, pending: c?.pending ?? 0 };
    }),
  };
}

async function countsOf(db: Queryable, scope: Scope, enterpriseIds: number[]) {
  if (enterpriseIds.length === 0) return [];
  return db
    .select({
      enterpriseId: instruments.enterpriseId,
      instruments: sql<number>`count(*)::int`,
      filed: sql<number>`(count(*) filter (where ${instruments.filingStatus} = 'filed'))::int`,
      pending: sql<number>`(count(*) filter (where ${instruments.filingStatus} in ('pending', 'assigned')))::int`,
    })
    .from(instruments)
    .where(and(inArray(instruments.enterpriseId, enterpriseIds), locatedRecordScope(scope, instruments)))
    .groupBy(instruments.enterpriseId);
}
