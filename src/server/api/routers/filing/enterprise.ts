import { candidateListInput, filingOptionsInput, instrumentIdInput, myFilingsInput, resubmitInput, submitFilingsInput } from "@/lib/schemas/filing";
import { deleteReturnedInstrument } from "@/server/services/filing/delete-returned";
import { filingOptions, listFilingCandidates, listMyFilings } from "@/server/services/filing/enterprise-queries";
import { submitFilings } from "@/server/services/filing/submit-filings";
import { enterpriseProcedure as enterprise } from "../../trpc";

export const enterpriseFilingProcedures = {
  /** 待备案: own instruments never filed and never verified (R-FIL-5), with the reason any of them is blocked. */
  candidates: enterprise.input(candidateListInput).query(({ ctx, input }) => listFilingCandidates(ctx.db, ctx.scope, input)),

  /** R-FIL-1: eligible institutions for each selected instrument, the recommended one marked. */
  options: enterprise.input(filingOptionsInput).query(({ ctx, input }) => filingOptions(ctx.db, ctx.scope, input)),

  submit: enterprise.input(submitFilingsInput).mutation(({ ctx, input }) => submitFilings(ctx.db, ctx.actor, input.items)),

  /** 资料不完整 (or other) returns: correct the record and submit again (R-FIL-6). */
  resubmit: enterprise
    .input(resubmitInput)
    .mutation(({ ctx, input }) =>
      submitFilings(ctx.db, ctx.actor, [{ instrumentId: input.instrumentId, institutionId: input.institutionId }], { resubmit: true, correction: input.changes }),
    ),

  /** 不属于强检目录: the only way out is deleting the record (R-FIL-6). */
  deleteReturned: enterprise.input(instrumentIdInput).mutation(({ ctx, input }) => deleteReturnedInstrument(ctx.db, ctx.actor, input.instrumentId)),

  /** 已提交 (every submission and its state) or 被退回 (latest return of instruments still returned, R-FIL-6). */
  mine: enterprise.input(myFilingsInput).query(({ ctx, input }) => listMyFilings(ctx.db, ctx.scope, input)),
};
