import { and, desc, eq, ilike, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { catalogueKinds, filings, instruments, organisations } from "@/server/db/schema";
import { candidateListInput, filingOptionsInput, instrumentIdInput, myFilingsInput, resubmitInput, submitFilingsInput } from "@/lib/schemas/filing";
import { assertCanSubmit } from "@/server/domain/filing/transitions";
import { AppError } from "@/server/errors";
import { loadCandidates, routeFor } from "@/server/services/filing/candidates";
import { deleteReturnedInstrument } from "@/server/services/filing/delete-returned";
import { loadFileable } from "@/server/services/filing/load-fileable";
import { submitFilings } from "@/server/services/filing/submit-filings";
import { roleProcedure } from "../../trpc";
import { enterpriseOf, escapeLike, page } from "./context";

const enterprise = roleProcedure("enterprise");

/** Why an instrument cannot be submitted now, in Chinese, or null. */
function blocker(f: Parameters<typeof assertCanSubmit>[0]): string | null {
  try {
    assertCanSubmit(f);
    return null;
  } catch (err) {
    return err instanceof AppError ? err.message : "暂不能备案";
  }
}

const institutionAlias = alias(organisations, "institution");

export const enterpriseFilingProcedures = {
  /** 待备案: own instruments never filed and never verified (R-FIL-5), with the reason any of them is blocked. */
  candidates: enterprise.input(candidateListInput).query(async ({ ctx, input }) => {
    const me = enterpriseOf(ctx);
    const q = input.q ? escapeLike(input.q) : null;
    const rows = await ctx.db
      .select({ id: instruments.id })
      .from(instruments)
      .where(
        and(
          eq(instruments.enterpriseId, me.orgId),
          eq(instruments.filingStatus, "none"),
          isNull(instruments.validUntil),
          isNull(instruments.certificateNo),
          input.cursor ? lt(instruments.id, input.cursor) : undefined,
          q ? or(ilike(instruments.name, q), ilike(instruments.serialNo, q), ilike(instruments.manufacturer, q)) : undefined,
        ),
      )
      .orderBy(desc(instruments.id))
      .limit(input.limit + 1);
    const { items, nextCursor } = page(rows, input.limit);
    const full = await loadFileable(ctx.db, me.orgId, items.map((r) => r.id));
    full.sort((a, b) => b.id - a.id);
    return {
      items: full.map(({ fileable, ...r }) => ({ ...r, blocker: blocker(fileable) })),
      nextCursor,
    };
  }),

  /** R-FIL-1: eligible institutions for each selected instrument, the recommended one marked. */
  options: enterprise.input(filingOptionsInput).query(async ({ ctx, input }) => {
    const me = enterpriseOf(ctx);
    const rows = await loadFileable(ctx.db, me.orgId, input.instrumentIds);
    if (rows.length !== input.instrumentIds.length) throw new AppError("NOT_FOUND");
    const candidates = await loadCandidates(ctx.db, [...new Set(rows.map((r) => r.kindId))]);
    return rows.map(({ fileable, ...r }) => {
      const route = routeFor(candidates, r);
      return {
        instrumentId: r.id,
        name: r.name,
        serialNo: r.serialNo,
        kindName: r.kindName,
        method: r.method,
        blocker: blocker(fileable),
        recommendedId: route.recommendedId,
        institutions: route.eligible.map((e) => ({ id: e.id, name: e.name, level: e.level, institutionKind: e.institutionKind, rangeNote: e.rangeNote })),
      };
    });
  }),

  submit: enterprise.input(submitFilingsInput).mutation(({ ctx, input }) => submitFilings(ctx.db, enterpriseOf(ctx), input.items)),

  /** 资料不完整 (or other) returns: correct the record and submit again (R-FIL-6). */
  resubmit: enterprise
    .input(resubmitInput)
    .mutation(({ ctx, input }) =>
      submitFilings(ctx.db, enterpriseOf(ctx), [{ instrumentId: input.instrumentId, institutionId: input.institutionId }], { resubmit: true, correction: input.changes }),
    ),

  /** 不属于强检目录: the only way out is deleting the record (R-FIL-6). */
  deleteReturned: enterprise.input(instrumentIdInput).mutation(({ ctx, input }) => deleteReturnedInstrument(ctx.db, enterpriseOf(ctx), input.instrumentId)),

  /** 已提交 (every submission and its state) or 被退回 (latest return of instruments still returned, R-FIL-6). */
  mine: enterprise.input(myFilingsInput).query(async ({ ctx, input }) => {
    const me = enterpriseOf(ctx);
    const rows = await ctx.db
      .select({
        id: filings.id,
        instrumentId: filings.instrumentId,
        state: filings.state,
        returnReason: filings.returnReason,
        returnText: filings.returnText,
        submittedAt: filings.submittedAt,
        decidedAt: filings.decidedAt,
        instrumentCode: filings.instrumentCode,
        institutionName: institutionAlias.name,
        name: instruments.name,
        model: instruments.model,
        serialNo: instruments.serialNo,
        measuringRange: instruments.measuringRange,
        accuracyClass: instruments.accuracyClass,
        installLocation: instruments.installLocation,
        typeCertNo: instruments.typeCertNo,
        remark: instruments.remark,
        kindName: catalogueKinds.name,
      })
      .from(filings)
      .innerJoin(instruments, eq(instruments.id, filings.instrumentId))
      .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
      .innerJoin(institutionAlias, eq(institutionAlias.id, filings.institutionId))
      .where(
        and(
          eq(filings.enterpriseId, me.orgId),
          input.cursor ? lt(filings.id, input.cursor) : undefined,
          input.tab === "returned"
            ? and(
                eq(filings.state, "returned"),
                eq(instruments.filingStatus, "returned"),
                sql`${filings.id} = (select max(f2.id) from ${filings} f2 where f2.instrument_id = ${filings.instrumentId})`,
              )
            : inArray(filings.state, ["pending", "assigned", "filed"]),
        ),
      )
      .orderBy(desc(filings.id))
      .limit(input.limit + 1);
    return page(rows, input.limit);
  }),
};
