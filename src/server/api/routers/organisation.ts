import { and, eq, sql } from "drizzle-orm";
import { instruments, organisations } from "@/server/db/schema";
import { organisationByIdInput } from "@/lib/schemas/admin";
import { notFound } from "@/server/errors";
import { protectedProcedure, router } from "../trpc";
import { organisationScope, scopeOf } from "@/server/authz/scope";

export const organisationRouter = router({
  /** One organisation the caller may see (R-SCOPE-1…4): anything else is NOT_FOUND. */
  byId: protectedProcedure.input(organisationByIdInput).query(async ({ ctx, input }) => {
    const scope = scopeOf(ctx);
    const [org] = await ctx.db
      .select({
        id: organisations.id,
        kind: organisations.kind,
        name: organisations.name,
        uscc: organisations.uscc,
        level: organisations.level,
        institutionKind: organisations.institutionKind,
        regionCode: organisations.regionCode,
        countyCode: organisations.countyCode,
        address: organisations.address,
        status: organisations.status,
      })
      .from(organisations)
      .where(
        and(
          eq(organisations.id, input.id),
          organisationScope(scope, organisations, (institutionId) =>
            sql`exists (select 1 from ${instruments} where ${instruments.enterpriseId} = ${organisations.id} and ${instruments.institutionId} = ${institutionId})`,
          ),
        ),
      )
      .limit(1);
    if (!org) throw notFound();
    return org;
  }),
});
