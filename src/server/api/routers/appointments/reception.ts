import "server-only";
import { receiveItemsInput, receptionFindInput, receptionQueueInput, recordResultsInput, resultListInput, resultSheetInput, returnItemsInput } from "@/lib/schemas/reception";
import { findForReception, receiveItems, returnItems } from "@/server/services/appointments/reception";
import { receptionQueue } from "@/server/services/appointments/reception-queries";
import { recordResults, resultSheet } from "@/server/services/appointments/results";
import { listResults } from "@/server/services/appointments/results-queries";
import { institutionProcedure, router } from "../../trpc";

/** 接收登记 (issue 10 item 5, R-APT-6): find by number (typed or scanned), receive, 退单. Own institution only. */
export const receptionRouter = router({
  queue: institutionProcedure.input(receptionQueueInput).query(({ ctx, input }) => receptionQueue(ctx.db, ctx, input)),
  find: institutionProcedure.input(receptionFindInput).query(({ ctx, input }) => findForReception(ctx.db, ctx, input)),
  receive: institutionProcedure.input(receiveItemsInput).mutation(({ ctx, input }) => receiveItems(ctx.db, ctx, input)),
  returnItems: institutionProcedure.input(returnItemsInput).mutation(({ ctx, input }) => returnItems(ctx.db, ctx, input)),
});

/** 检定结果 (issue 10 item 6, R-RES-1, R-RES-5): the list, the batch sheet of an appointment, recording. */
export const resultsRouter = router({
  list: institutionProcedure.input(resultListInput).query(({ ctx, input }) => listResults(ctx.db, ctx, input)),
  sheet: institutionProcedure.input(resultSheetInput).query(({ ctx, input }) => resultSheet(ctx.db, ctx, input)),
  record: institutionProcedure.input(recordResultsInput).mutation(({ ctx, input }) => recordResults(ctx.db, ctx, input)),
});
