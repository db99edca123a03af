import "server-only";
import { and, desc, eq, ilike, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { EnterpriseCaller } from "@/server/authz/caller";
import { page } from "@/server/db/keyset";
import { escapeLike } from "@/server/db/like";
import type { Queryable } from "@/server/db/open";
import { catalogueKinds, filings, instruments, organisations } from "@/server/db/schema";
import type { candidateListInput, filingOptionsInput, myFilingsInput } from "@/lib/schemas/filing";
import { assertCanSubmit } from "@/server/domain/filing/transitions";
import { AppError } from "@/server/errors";
import { loadCandidates, routeFor } from "./candidates";
import { loadFileable } from "./load-fileable";

type EnterpriseScope = EnterpriseCaller["scope"];

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

/** 待备案: own instruments never filed and never verified (R-FIL-5), with the reason any of them is blocked. */
export async function listFilingCandidates(db: Queryable, scope: EnterpriseScope, input: z.output<typeof candidateListInput>) {
  const q = input.q ? escapeLike(input.q) : null;
  const rows = await db
    .select({ id: instruments.id })
    .from(instruments)
    .where(
      and(
        eq(instruments.enterpriseId, scope.orgId),
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
  const full = await loadFileable(db, scope.orgId, items.map((r) => r.id));
  full.sort((a, b) => b.id - a.id);
  return {
    items: full.map(({ fileable, ...r }) => ({ ...r, blocker: blocker(fileable) })),
    nextCursor,
  };
}

/** R-FIL-1: eligible institutions for each selected instrument, the recommended one marked. */
export async function filingOptions(db: Queryable, scope: EnterpriseScope, input: z.output<typeof filingOptionsInput>) {
  const rows = await loadFileable(db, scope.orgId, input.instrumentIds);
  if (rows.length !== input.instrumentIds.length) throw new AppError("NOT_FOUND");
  const candidates = await loadCandidates(db, [...new Set(rows.map((r) => r.kindId))]);
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
}

/** 已提交 (every submission and its state) or 被退回 (latest return of instruments still returned, R-FIL-6). */
export async function listMyFilings(db: Queryable, scope: EnterpriseScope, input: z.output<typeof myFilingsInput>) {
  const rows = await db
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
        eq(filings.enterpriseId, scope.orgId),
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
}
