import "server-only";
import { and, desc, eq, ilike, inArray, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { InstitutionCaller } from "@/server/authz/caller";
import { page } from "@/server/db/keyset";
import { escapeLike } from "@/server/db/like";
import type { Queryable } from "@/server/db/open";
import { catalogueKinds, filings, instruments, organisations } from "@/server/db/schema";
import type { decideInput, queueInput } from "@/lib/schemas/filing";
import { AppError } from "@/server/errors";
import { loadCandidates, routeFor } from "./candidates";

type InstitutionScope = InstitutionCaller["scope"];

const enterpriseOrg = alias(organisations, "enterprise");
const assignedOrg = alias(organisations, "assigned");
const reviewerOrg = alias(organisations, "reviewer");

/** 备案审核 (submitted to the caller) or 备案处理 (assigned to the caller, county institutions). */
export async function reviewQueue(db: Queryable, scope: InstitutionScope, input: z.output<typeof queueInput>) {
  const q = input.q ? escapeLike(input.q) : null;
  const rows = await db
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
        input.view === "review" ? eq(filings.institutionId, scope.orgId) : eq(filings.assignedInstitutionId, scope.orgId),
        input.state ? eq(filings.state, input.state) : undefined,
        input.cursor ? lt(filings.id, input.cursor) : undefined,
        q ? or(ilike(instruments.name, q), ilike(instruments.serialNo, q), ilike(enterpriseOrg.name, q)) : undefined,
      ),
    )
    .orderBy(desc(filings.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}

/** County institutions below the caller that can take every selected filing (only those are offered, R-FIL-2). */
export async function assignTargets(db: Queryable, org: InstitutionCaller["org"], input: z.output<typeof decideInput>) {
  const rows = await db
    .select({ id: filings.id, kindId: instruments.kindId, method: instruments.method, provinceCode: instruments.provinceCode, cityCode: instruments.cityCode, countyCode: instruments.countyCode })
    .from(filings)
    .innerJoin(instruments, eq(instruments.id, filings.instrumentId))
    .where(and(inArray(filings.id, input.filingIds), eq(filings.institutionId, org.id)));
  if (rows.length !== input.filingIds.length) throw new AppError("NOT_FOUND");
  if (org.institutionKind !== "legal" || org.level === "county") return [];
  const region = org.regionCode;
  const candidates = (await loadCandidates(db, [...new Set(rows.map((r) => r.kindId))])).filter(
    (c) => c.institutionKind === "legal" && c.level === "county" && c.regionCode?.startsWith(region),
  );
  const byId = new Map<number, typeof candidates>();
  for (const c of candidates) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  // A target must be the county of every selected instrument and have the capability for each.
  return [...byId].filter(([, own]) => rows.every((r) => r.countyCode === own[0]?.regionCode && routeFor(own, r).eligible.length > 0)).map(([id, own]) => ({ id, name: own[0]?.name ?? "" }));
}
