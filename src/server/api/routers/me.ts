import { and, count, eq, sql } from "drizzle-orm";
import { instruments, organisations, users } from "@/server/db/schema";
import { protectedProcedure, router } from "../trpc";
import { locatedRecordScope, organisationScope, scopeOf } from "@/server/authz/scope";

export const meRouter = router({
  /** Who the caller is, their organisation, and the figures their home page shows. */
  home: protectedProcedure.query(async ({ ctx }) => {
    const scope = scopeOf(ctx);
    const figures: { label: string; value: number }[] = [];
    if (scope.kind !== "none") {
      const [inst] = await ctx.db
        .select({ n: count() })
        .from(instruments)
        .where(locatedRecordScope(scope, instruments));
      figures.push({ label: scope.kind === "enterprise" ? "台账仪器" : scope.kind === "admin" ? "全部仪器" : "辖区仪器", value: inst?.n ?? 0 });
      if (scope.kind !== "enterprise") {
        const [ent] = await ctx.db
          .select({ n: count() })
          .from(organisations)
          .where(
            and(
              eq(organisations.kind, "enterprise"),
              eq(organisations.status, "approved"),
              organisationScope(scope, organisations, (institutionId) =>
                sql`exists (select 1 from ${instruments} where ${instruments.enterpriseId} = ${organisations.id} and ${instruments.institutionId} = ${institutionId})`,
              ),
            ),
          );
        figures.push({ label: scope.kind === "admin" ? "全部企业" : "辖区企业", value: ent?.n ?? 0 });
      }
      if (scope.kind === "admin") {
        const [pending] = await ctx.db.select({ n: count() }).from(organisations).where(eq(organisations.status, "pending"));
        const [u] = await ctx.db.select({ n: count() }).from(users);
        figures.push({ label: "待审核注册", value: pending?.n ?? 0 }, { label: "用户", value: u?.n ?? 0 });
      }
    }
    return { user: ctx.user, figures };
  }),
});
