import { asc, eq } from "drizzle-orm";
import { instrumentIdInput, ledgerFilterSchema, ledgerListInput } from "@/lib/schemas/ledger";
import { departments } from "@/server/db/schema";
import { instrumentDetail } from "@/server/services/ledger/instrument-detail";
import { countInstruments, listInstruments } from "@/server/services/ledger/list-instruments";
import { currentKinds } from "@/server/services/ledger/lookups";
import { roleProcedure } from "../../trpc";
import { enterpriseProcedure as enterprise } from "./procedure";
import { scopeOf } from "@/server/authz/scope";


/** Ledger reads (R-LED-6): the enterprise sees its own ledger; details follow the located-record scope. */
export const ledgerQueries = {
  list: enterprise.input(ledgerListInput).query(({ ctx, input }) => listInstruments(ctx.db, ctx.orgId, input)),
  counts: enterprise.input(ledgerFilterSchema).query(({ ctx, input }) => countInstruments(ctx.db, ctx.orgId, input)),
  byId: roleProcedure("enterprise", "institution", "regulator", "admin")
    .input(instrumentIdInput)
    .query(({ ctx, input }) => instrumentDetail(ctx.db, scopeOf(ctx), input.id)),
  /** What the form and filters pick from: the current catalogue's kinds and the enterprise's departments. */
  options: enterprise.query(async ({ ctx }) => ({
    /** The enterprise's own county: the form's default location. */
    countyCode: ctx.user.org?.countyCode ?? null,
    kinds: await currentKinds(ctx.db),
    departments: await ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.orgId, ctx.orgId)).orderBy(asc(departments.name)),
  })),
};
