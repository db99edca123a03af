import { forecastInput, statDashboardInput, statFilterSchema } from "@/lib/schemas/statistics";
import { asInstitution, asRegulator } from "@/server/authz/caller";
import { dashboard, dashboardBreakdown, dashboardFilterOptions } from "@/server/services/statistics/dashboard";
import { forecast } from "@/server/services/statistics/forecast";
import { protectedProcedure, regulatorProcedure, router } from "../../trpc";

/** Institutions and regulators, each narrowed by the same guards as their own procedure builders. */
const viewer = protectedProcedure.use(({ ctx, next }) =>
  next({ ctx: { ...ctx, ...(ctx.user.role === "regulator" ? asRegulator(ctx.user, ctx.ip) : asInstitution(ctx.user, ctx.ip)) } }),
);

/** 统计分析 and 负荷预测 (issue 12 items 2 and 7), all read from the statistics layer (R-STAT-1). */
export const statisticsRouter = router({
  dashboard: regulatorProcedure.input(statDashboardInput).query(({ ctx, input }) => dashboard(ctx.readDb, ctx.scope, input)),
  breakdown: regulatorProcedure.input(statFilterSchema).query(({ ctx, input }) => dashboardBreakdown(ctx.readDb, ctx.scope, input)),
  filterOptions: regulatorProcedure.query(({ ctx }) => dashboardFilterOptions(ctx.readDb, ctx.scope)),
  forecast: viewer.input(forecastInput).query(({ ctx, input }) => forecast(ctx.readDb, ctx.scope, input)),
});
