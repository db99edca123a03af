import { instrumentIdInput } from "@/lib/schemas/filing";
import { scopeOf } from "@/server/authz/scope";
import { filingHistory } from "@/server/services/filing/history";
import { protectedProcedure } from "../../trpc";

/** Filing status and history on the instrument, for anyone who may see the instrument (R-SCOPE-1…4). */
export const historyProcedure = protectedProcedure.input(instrumentIdInput).query(({ ctx, input }) => filingHistory(ctx.db, scopeOf(ctx), input.instrumentId));
