import { instrumentIdInput, ledgerFilterSchema, ledgerListInput } from "@/lib/schemas/ledger";
import { scopeOf } from "@/server/authz/scope";
import { instrumentDetail } from "@/server/services/ledger/instrument-detail";
import { countInstruments, listInstruments } from "@/server/services/ledger/list-instruments";
import { ledgerOptions } from "@/server/services/ledger/options";
import { enterpriseProcedure as enterprise, roleProcedure } from "../../trpc";

/** Ledger reads (R-LED-6): the enterprise sees its own ledger; details follow the located-record scope. */
export const ledgerQueries = {
  list: enterprise.input(ledgerListInput).query(({ ctx, input }) => listInstruments(ctx.db, ctx.scope, input)),
  counts: enterprise.input(ledgerFilterSchema).query(({ ctx, input }) => countInstruments(ctx.db, ctx.scope, input)),
  byId: roleProcedure("enterprise", "institution", "regulator", "admin")
    .input(instrumentIdInput)
    .query(({ ctx, input }) => instrumentDetail(ctx.db, scopeOf(ctx), input.id)),
  /** What the form and filters pick from: the current catalogue's kinds and the enterprise's departments. */
  options: enterprise.query(({ ctx }) => ledgerOptions(ctx.db, ctx)),
};
