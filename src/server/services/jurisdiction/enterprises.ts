import "server-only";
import { and, desc, eq, ilike, inArray, lt, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { enterpriseListInput } from "@/lib/schemas/filing";
import { locatedRecordScope, organisationScope, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { organisations, statEnterpriseFiling } from "@/server/db/schema";
import { page } from "@/server/db/keyset";
import { escapeLike } from "@/server/db/like";

/**
 * 申报企业 (R-SCOPE-2): the enterprises a caller may see, newest first, each with its instruments in the
 * caller's scope — all, filed, and in the filing flow. The counts are one grouped sum over the page's
 * enterprises' rows of the statistics layer (stat_enterprise_filing, keyed by enterprise first): counting their
 * instruments grew with them (a page of large enterprises was a million index entries at 10M instruments).
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
  const t = statEnterpriseFiling;
  return db
    .select({
      enterpriseId: t.enterpriseId,
      instruments: sql<number>`coalesce(sum(${t.n}), 0)::int`,
      filed: sql<number>`coalesce(sum(${t.n}) filter (where ${t.filingStatus} = 'filed'), 0)::int`,
      pending: sql<number>`coalesce(sum(${t.n}) filter (where ${t.filingStatus} in ('pending', 'assigned')), 0)::int`,
    })
    .from(t)
    .where(and(inArray(t.enterpriseId, enterpriseIds), locatedRecordScope(scope, t)))
    .groupBy(t.enterpriseId);
}
