import { enterpriseListInput, jurisdictionCountsInput, jurisdictionInstrumentsInput } from "@/lib/schemas/filing";
import { asInstitution, asRegulator } from "@/server/authz/caller";
import { listEnterprises } from "@/server/services/jurisdiction/enterprises";
import { jurisdictionCounts, listJurisdictionInstruments } from "@/server/services/jurisdiction/instruments";
import { protectedProcedure, router } from "../../trpc";

/** Institutions and regulators, each narrowed by the same guards as their own procedure builders. */
const viewer = protectedProcedure.use(({ ctx, next }) =>
  next({ ctx: { ...ctx, ...(ctx.user.role === "regulator" ? asRegulator(ctx.user, ctx.ip) : asInstitution(ctx.user, ctx.ip)) } }),
);

/** 辖区仪器 (seed 000 四) and 申报企业: what lies in the caller's scope (R-SCOPE-2/3). */
export const jurisdictionRouter = router({
  counts: viewer.input(jurisdictionCountsInput).query(({ ctx, input }) => jurisdictionCounts(ctx.db, ctx.scope, input)),
  instruments: viewer.input(jurisdictionInstrumentsInput).query(({ ctx, input }) => listJurisdictionInstruments(ctx.db, ctx.scope, input)),
  /** 申报企业 (R-SCOPE-2): legal institutions see their jurisdiction, authorised ones only enterprises that filed with them. */
  enterprises: viewer.input(enterpriseListInput).query(({ ctx, input }) => listEnterprises(ctx.db, ctx.scope, input)),
});
