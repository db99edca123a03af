import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { catalogueKinds, filings, instruments } from "@/server/db/schema";
import type { FileableInstrument, ReturnReason } from "@/server/domain/filing/transitions";
import { withTypeEvaluationReport } from "./type-evaluation";

/**
 * Instruments of one enterprise with what the submit guard needs (R-FIL-1, R-CAT-1/2, R-FIL-5/6).
 * `lock` takes row locks so that a concurrent submission of the same instrument waits and then sees the change.
 */
export async function loadFileable(q: Queryable, enterpriseId: number, instrumentIds: number[], lock = false) {
  if (instrumentIds.length === 0) return [];
  const base = q
    .select({
      id: instruments.id,
      name: instruments.name,
      model: instruments.model,
      serialNo: instruments.serialNo,
      status: instruments.status,
      filingStatus: instruments.filingStatus,
      flowStatus: instruments.flowStatus,
      certificateNo: instruments.certificateNo,
      validUntil: instruments.validUntil,
      kindId: instruments.kindId,
      method: instruments.method,
      provinceCode: instruments.provinceCode,
      cityCode: instruments.cityCode,
      countyCode: instruments.countyCode,
      supervision: catalogueKinds.supervision,
      kindName: catalogueKinds.name,
    })
    .from(instruments)
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .where(and(eq(instruments.enterpriseId, enterpriseId), inArray(instruments.id, instrumentIds)))
    .orderBy(instruments.id);
  const rows = lock ? await base.for("update", { of: instruments }) : await base;
  const ids = rows.map((r) => r.id);
  const withReport = await withTypeEvaluationReport(q, ids);
  const returned = ids.length
    ? await q
        .selectDistinctOn([filings.instrumentId], { instrumentId: filings.instrumentId, reason: filings.returnReason, text: filings.returnText })
        .from(filings)
        .where(and(inArray(filings.instrumentId, ids), eq(filings.state, "returned")))
        .orderBy(filings.instrumentId, desc(filings.id))
    : [];
  const lastReturn = new Map(returned.map((r) => [r.instrumentId, r]));
  return rows.map((r) => {
    const fileable: FileableInstrument = {
      status: r.status,
      filingStatus: r.filingStatus,
      flowStatus: r.flowStatus,
      supervision: r.supervision,
      verifiedBefore: r.certificateNo !== null || r.validUntil !== null,
      hasTypeEvaluationReport: withReport.has(r.id),
      lastReturnReason: r.filingStatus === "returned" ? ((lastReturn.get(r.id)?.reason ?? null) as ReturnReason | null) : null,
    };
    return { ...r, fileable, lastReturnText: lastReturn.get(r.id)?.text ?? null };
  });
}
