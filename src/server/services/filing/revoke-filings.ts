import "server-only";
import { and, desc, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/server/db/open";
import { filings, instruments, type FilingHistoryEntry } from "@/server/db/schema";
import { revokedFiling } from "@/server/domain/filing/transitions";
import { type Actor, writeAudit } from "@/server/services/audit";

/**
 * R-APT-4 取消备案状态 (and R-FIL-6): the instruments' current approved filings go back to 被退回 with `text`,
 * written like a reviewer's return (state returned, reason "other", a "return" history step), so the
 * enterprise finds them in its 被退回 list and may correct and resubmit. Instruments whose latest filing is not
 * approved (e.g. booked directly after an earlier certificate, R-FIL-5) have nothing to return and are left
 * as they are. Runs inside the caller's transaction; locks the filings and instruments it changes.
 */
export async function returnFilingsOfInstruments(tx: Tx, actor: Actor & { orgId: number }, instrumentIds: number[], text: string, audit: string) {
  if (instrumentIds.length === 0) return { returned: [] as number[] };
  const rows = await tx
    .selectDistinctOn([filings.instrumentId], { id: filings.id, instrumentId: filings.instrumentId, state: filings.state })
    .from(filings)
    .where(inArray(filings.instrumentId, instrumentIds))
    .orderBy(filings.instrumentId, desc(filings.id));
  const latest = rows.filter((r) => r.state === "filed");
  if (latest.length === 0) return { returned: [] as number[] };
  const ids = latest.map((r) => r.id);
  // Lock in id order (the same order decide-filings uses), then re-check with the pure rule.
  const locked = await tx.select({ id: filings.id, state: filings.state, instrumentId: filings.instrumentId }).from(filings).where(inArray(filings.id, ids)).orderBy(filings.id).for("update");
  const changes = locked.map((f) => ({ f, next: revokedFiling(f, text) }));
  const e: FilingHistoryEntry = { at: new Date().toISOString(), action: "return", byOrgId: actor.orgId, byUserId: actor.userId, reason: "other", text };
  await tx
    .update(filings)
    .set({ state: "returned", returnReason: "other", returnText: text, decidedBy: actor.userId, decidedAt: new Date(), history: sql`${filings.history} || ${JSON.stringify([e])}::jsonb` })
    .where(inArray(filings.id, ids));
  const instrumentIdsReturned = locked.map((f) => f.instrumentId);
  await tx
    .update(instruments)
    .set({ filingStatus: "returned", flowStatus: null, institutionId: null })
    .where(and(inArray(instruments.id, instrumentIdsReturned)));
  await writeAudit(
    tx,
    actor,
    changes.map(({ f, next }) => ({ action: audit, entityType: "filing", entityId: f.id, before: { state: f.state }, after: next })),
  );
  return { returned: instrumentIdsReturned };
}
