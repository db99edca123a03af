import { and, desc, eq, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { catalogueKinds, filings, instruments, organisations } from "@/server/db/schema";
import { enterpriseListInput, jurisdictionCountsInput, jurisdictionInstrumentsInput } from "@/lib/schemas/filing";
import { chinaToday } from "@/lib/china-day";
import { BUCKETS, bucketWhere, headlineBucket, type Bucket } from "@/server/domain/filing/buckets";
import { roleProcedure, router } from "../../trpc";
import { inRegion, locatedRecordScope, organisationScope, regionFilterOf, scopeOf } from "@/server/authz/scope";
import { escapeLike, page } from "./context";

const viewer = roleProcedure("institution", "regulator");
const bucketCols = { approvedOn: instruments.filingApprovedOn, validUntil: instruments.validUntil, failedSince: instruments.failedSince };
const enterpriseOrg = alias(organisations, "enterprise");
const institutionOrg = alias(organisations, "institution");

/** 辖区仪器 (seed 000 四): instruments in the caller's scope (R-SCOPE-2/3) by bucket (R-BKT-1…5). */
export const jurisdictionRouter = router({
  counts: viewer.input(jurisdictionCountsInput).query(async ({ ctx, input }) => {
    const today = chinaToday();
    const where = and(locatedRecordScope(scopeOf(ctx), instruments), input?.regionCode ? inRegion(instruments, regionFilterOf(input.regionCode)) : undefined);
    const [row] = await ctx.db
      .select(Object.fromEntries(BUCKETS.map((b) => [b, sql<number>`count(*) filter (where ${bucketWhere(b, today, bucketCols)})::int`])) as Record<Bucket, SQL<number>>)
      .from(instruments)
      .where(where);
    return { today, counts: row as unknown as Record<Bucket, number> };
  }),

  instruments: viewer.input(jurisdictionInstrumentsInput).query(async ({ ctx, input }) => {
    const today = chinaToday();
    const q = input.q ? escapeLike(input.q) : null;
    const rows = await ctx.db
      .select({
        id: instruments.id,
        name: instruments.name,
        model: instruments.model,
        serialNo: instruments.serialNo,
        manufacturer: instruments.manufacturer,
        countyCode: instruments.countyCode,
        status: instruments.status,
        filingStatus: instruments.filingStatus,
        instrumentCode: instruments.instrumentCode,
        approvedOn: instruments.filingApprovedOn,
        validUntil: instruments.validUntil,
        failedSince: instruments.failedSince,
        kindName: catalogueKinds.name,
        enterpriseName: enterpriseOrg.name,
        institutionName: institutionOrg.name,
      })
      .from(instruments)
      .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, instruments.enterpriseId))
      .leftJoin(institutionOrg, eq(institutionOrg.id, instruments.institutionId))
      .where(
        and(
          locatedRecordScope(scopeOf(ctx), instruments),
          bucketWhere(input.bucket, today, bucketCols),
          input.regionCode ? inRegion(instruments, regionFilterOf(input.regionCode)) : undefined,
          input.cursor ? lt(instruments.id, input.cursor) : undefined,
          q ? or(ilike(instruments.name, q), ilike(instruments.serialNo, q), ilike(instruments.instrumentCode, q), ilike(enterpriseOrg.name, q)) : undefined,
        ),
      )
      .orderBy(desc(instruments.id))
      .limit(input.limit + 1);
    const { items, nextCursor } = page(rows, input.limit);
    // The row's state comes from the same pure function that built the filter.
    return { today, nextCursor, items: items.map((r) => ({ ...r, bucket: headlineBucket(r, today) })) };
  }),

  /** 申报企业 (R-SCOPE-2): legal institutions see their jurisdiction, authorised ones only enterprises that filed with them. */
  enterprises: viewer.input(enterpriseListInput).query(async ({ ctx, input }) => {
    const scope = scopeOf(ctx);
    const q = input.q ? escapeLike(input.q) : null;
    const filedWith = (institutionId: number) =>
      sql`exists (select 1 from ${filings} where ${filings.enterpriseId} = ${organisations.id} and (${filings.institutionId} = ${institutionId} or ${filings.assignedInstitutionId} = ${institutionId}))`;
    const mine = locatedRecordScope(scope, instruments);
    const rows = await ctx.db
      .select({
        id: organisations.id,
        name: organisations.name,
        uscc: organisations.uscc,
        countyCode: organisations.countyCode,
        address: organisations.address,
        status: organisations.status,
        instruments: sql<number>`(select count(*)::int from ${instruments} where ${instruments.enterpriseId} = ${organisations.id} and ${mine})`,
        filed: sql<number>`(select count(*)::int from ${instruments} where ${instruments.enterpriseId} = ${organisations.id} and ${mine} and ${instruments.filingStatus} = 'filed')`,
        pending: sql<number>`(select count(*)::int from ${instruments} where ${instruments.enterpriseId} = ${organisations.id} and ${mine} and ${instruments.filingStatus} in ('pending', 'assigned'))`,
      })
      .from(organisations)
      .where(
        and(
          eq(organisations.kind, "enterprise"),
          organisationScope(scope, organisations, filedWith),
          input.cursor ? lt(organisations.id, input.cursor) : undefined,
          q ? or(ilike(organisations.name, q), ilike(organisations.uscc, q)) : undefined,
        ),
      )
      .orderBy(desc(organisations.id))
      .limit(input.limit + 1);
    return page(rows, input.limit);
  }),
});
