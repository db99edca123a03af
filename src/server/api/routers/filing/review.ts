import { assignInput, declineInput, decideInput, queueInput, returnInput } from "@/lib/schemas/filing";
import { approveFilings, assignFilings, confirmFilings, declineFilings, returnFilings } from "@/server/services/filing/decide-filings";
import { deciderOf } from "@/server/services/filing/decider";
import { assignTargets, reviewQueue } from "@/server/services/filing/review-queries";
import { institutionProcedure as institution } from "../../trpc";

export const reviewProcedures = {
  /** 备案审核 (submitted to the caller) or 备案处理 (assigned to the caller, county institutions). */
  queue: institution.input(queueInput).query(({ ctx, input }) => reviewQueue(ctx.db, ctx.scope, input)),

  /** County institutions below the caller that can take every selected filing (only those are offered, R-FIL-2). */
  assignTargets: institution.input(decideInput).query(({ ctx, input }) => assignTargets(ctx.db, ctx.org, input)),

  approve: institution.input(decideInput).mutation(({ ctx, input }) => approveFilings(ctx.db, deciderOf(ctx), input.filingIds)),
  assign: institution.input(assignInput).mutation(({ ctx, input }) => assignFilings(ctx.db, deciderOf(ctx), input.filingIds, input.countyInstitutionId)),
  return: institution.input(returnInput).mutation(({ ctx, input }) => returnFilings(ctx.db, deciderOf(ctx), input.filingIds, input.reason, input.text)),
  confirm: institution.input(decideInput).mutation(({ ctx, input }) => confirmFilings(ctx.db, deciderOf(ctx), input.filingIds)),
  decline: institution.input(declineInput).mutation(({ ctx, input }) => declineFilings(ctx.db, deciderOf(ctx), input.filingIds, input.text)),
};
