import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { instrumentAttachments } from "@/server/db/schema";

/** R-CAT-2: has a type-evaluation report (or type-approval certificate) been attached to the instrument? */
export async function hasTypeEvaluationReport(tx: Queryable, instrumentId: number): Promise<boolean> {
  return (await withTypeEvaluationReport(tx, [instrumentId])).has(instrumentId);
}

/** The subset of `instrumentIds` that have the report, in one query. */
export async function withTypeEvaluationReport(tx: Queryable, instrumentIds: number[]): Promise<Set<number>> {
  if (instrumentIds.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ id: instrumentAttachments.instrumentId })
    .from(instrumentAttachments)
    .where(and(inArray(instrumentAttachments.instrumentId, instrumentIds), eq(instrumentAttachments.slot, "type_evaluation")));
  return new Set(rows.map((r) => r.id));
}
