import { and, desc, eq, ilike, inArray, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { catalogueKinds, filings, instruments, organisations } from "@/server/db/schema";
import { assignInput, declineInput, decideInput, queueInput, returnInput } from "@/lib/schemas/filing";
import { AppError } from "@/server/errors";
import { loadCandidates, routeFor } from "@/server/services/filing/candidates";
import { approveFilings, assignFilings, confirmFilings, declineFilings, returnFilings } from "@/server/services/filing/decide-filings";
import { roleProcedure } from "../../trpc";
import { escapeLike, institutionOf, page } from "./context";

const institution = roleProcedure("institution");
const enterpriseOrg = alias(organisations, "enterprise");
const assignedOrg = alias(organisations, "assigned");
const reviewerOrg = alias(organisations, "reviewer");

export const reviewProcedures = {
  /** 备案审核 (submitted to the caller) or 备案处理 (assigned to the caller, county institutions). */
  queue: institution.input(queueInput).query(async ({ ctx, input }) => {
    const me = institutionOf(ctx);
    const q = input.q ? escapeLike(input.q) : null;
    const rows = await ctx.db
      .select({
        id: filings.id,
        state: filings.state,
        submittedAt: filings.submittedAt,
        decidedAt: filings.decidedAt,
        returnReason: filings.returnReason,
        returnText: filings.returnText,
        instrumentCode: filings.instrumentCode,
        history: filings.history,
        instrumentId: instruments.id,
        name: instruments.name,
        model: instruments.model,
        serialNo: instruments.serialNo,
        manufacturer: instruments.manufacturer,
        method: instruments.method,
        countyCode: instruments.countyCode,
        kindName: catalogueKinds.name,
        enterpriseName: enterpriseOrg.name,
        reviewerName: reviewerOrg.name,
        assignedName: assignedOrg.name,
      })
      .from(filings)
      .innerJoin(instruments, eq(instruments.id, filings.instrumentId))
      .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, filings.enterpriseId))
      .innerJoin(reviewerOrg, eq(reviewerOrg.id, filings.institutionId))
      .leftJoin(assignedOrg, eq(assignedOrg.id, filings.assignedInstitutionId))
      .where(
        and(
          input.view === "review" ? eq(filings.institutionId, me.orgId) : eq(filings.assignedInstitutionId, me.orgId),
          input.state ? eq(filings.state, input.state) : undefined,
          input.cursor ? lt(filings.id, input.cursor) : undefined,
          q ? or(ilike(instruments.name, q), ilike(instruments.serialNo, q), ilike(enterpriseOrg.name, q)) : undefined,
        ),
      )
      .orderBy(desc(filings.id))
      .limit(input.limit + 1);
    return page(rows, input.limit);
  }),

  /** County institutions below the caller that can take every selected filing (only those are offered, R-FIL-2). */
  assignTargets: institution.input(decideInput).query(async ({ ctx, input }) => {
    const me = institutionOf(ctx);
    const rows = await ctx.db
      .select({ id: filings.id, kindId: instruments.kindId, method: instruments.method, provinceCode: instruments.provinceCode, cityCode: instruments.cityCode, countyCode: instruments.countyCode })
      .from(filings)
      .innerJoin(instruments, eq(instruments.id, filings.instrumentId))
      .where(and(inArray(filings.id, input.filingIds), eq(filings.institutionId, me.orgId)));
    if (rows.length !== input.filingIds.length) throw new AppError("NOT_FOUND");
    if (me.institutionKind !== "legal" || me.caller.level === "county" || !me.regionCode) return [];
    const candidates = (await loadCandidates(ctx.db, [...new Set(rows.map((r) => r.kindId))])).filter(
      (c) => c.institutionKind === "legal" && c.level === "county" && c.regionCode?.startsWith(me.regionCode!),
    );
    const ids = [...new Set(candidates.map((c) => c.id))];
    const able = ids.filter((id) => rows.every((r) => r.countyCode === candidates.find((c) => c.id === id)!.regionCode && routeFor(candidates.filter((c) => c.id === id), r).eligible.length > 0));
    return able.map((id) => ({ id, name: candidates.find((c) => c.id === id)!.name }));
  }),

  approve: institution.input(decideInput).mutation(({ ctx, input }) => approveFilings(ctx.db, institutionOf(ctx), input.filingIds)),
  assign: institution.input(assignInput).mutation(({ ctx, input }) => assignFilings(ctx.db, institutionOf(ctx), input.filingIds, input.countyInstitutionId)),
  return: institution.input(returnInput).mutation(({ ctx, input }) => returnFilings(ctx.db, institutionOf(ctx), input.filingIds, input.reason, input.text)),
  confirm: institution.input(decideInput).mutation(({ ctx, input }) => confirmFilings(ctx.db, institutionOf(ctx), input.filingIds)),
  decline: institution.input(declineInput).mutation(({ ctx, input }) => declineFilings(ctx.db, institutionOf(ctx), input.filingIds, input.text)),
};
