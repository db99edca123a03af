import "server-only";
import { and, desc, eq, ilike, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { jurisdictionCountsInput, jurisdictionInstrumentsInput } from "@/lib/schemas/filing";
import { chinaToday } from "@/lib/china-day";
import { inRegion, locatedRecordScope, regionFilterOf, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { catalogueKinds, instruments, organisations } from "@/server/db/schema";
import { bucketWhere, headlineBucket, type Bucket } from "@/server/domain/filing/buckets";
import { scopeFigures } from "@/server/services/statistics/scope-figures";
import { page } from "@/server/db/keyset";
import { escapeLike } from "@/server/db/like";

const bucketCols = { approvedOn: instruments.filingApprovedOn, validUntil: instruments.validUntil, failedSince: instruments.failedSince };
const enterpriseOrg = alias(organisations, "enterprise");
const institutionOrg = alias(organisations, "institution");

/**
 * 辖区仪器 counts (seed 000 四): instruments in the caller's scope (R-SCOPE-2/3) per bucket (R-BKT-1…5), summed
 * from the statistics layer (R-STAT-1) by parts of the scope (scopeFigures), never a scan of the instruments.
 */
export async function jurisdictionCounts(db: Queryable, scope: Scope, input: z.infer<typeof jurisdictionCountsInput>, now = new Date()) {
  const today = chinaToday(now);
  const { all, due, overdue, invalid, valid, failed } = await scopeFigures(db, scope, input?.regionCode ? regionFilterOf(input.regionCode) : null, today);
  return { today, counts: { all, due, overdue, invalid, valid, failed } satisfies Record<Bucket, number> };
}

/** 辖区仪器 list: one keyset page of one bucket, newest first. */
export async function listJurisdictionInstruments(db: Queryable, scope: Scope, input: z.infer<typeof jurisdictionInstrumentsInput>) {
  const today = chinaToday();
  const q = input.q ? escapeLike(input.q) : null;
  const rows = await db
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
        locatedRecordScope(scope, instruments),
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
}
