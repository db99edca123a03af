import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { DB, Tx } from "@/server/db/open";
import { filings, instruments, organisations, type FilingHistoryEntry } from "@/server/db/schema";
import { ensureLabelTokens } from "@/server/services/public/label-token";
import { nextNumber } from "@/server/services/numbering/next-number";
import {
  assertAssignedTo, assertAssignTarget, assertCanAssign, assertReviewable, instrumentCode, type Caller, type FilingRecord, type ReturnReason,
} from "@/server/domain/filing/transitions";
import { chinaToday } from "@/lib/china-day";
import { AppError } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";
import { loadCandidates, routeFor } from "./candidates";
import { notifyFilingsApproved, notifyFilingsAssigned, notifyFilingsReturned } from "./notify-filings";

export type Decider = Actor & { orgId: number; caller: Caller; regionCode: string | null };

/**
 * Locks the filings (SELECT … FOR UPDATE) and re-checks them inside the write transaction: of two reviewers
 * deciding the same filing at once, the second waits for the first, then sees the new state and gets
 * FILING_STATE_CHANGED. A filing not in the caller's hands is NOT_FOUND (R-SCOPE-4).
 */
async function lockFilings(tx: Tx, filingIds: number[], orgId: number) {
  const rows = await tx
    .select({
      id: filings.id,
      state: filings.state,
      institutionId: filings.institutionId,
      assignedInstitutionId: filings.assignedInstitutionId,
      history: filings.history,
      instrumentId: filings.instrumentId,
      countyCode: instruments.countyCode,
      kindId: instruments.kindId,
      method: instruments.method,
      provinceCode: instruments.provinceCode,
      cityCode: instruments.cityCode,
      enterpriseId: instruments.enterpriseId,
      instrumentName: instruments.name,
    })
    .from(filings)
    .innerJoin(instruments, eq(instruments.id, filings.instrumentId))
    .where(and(inArray(filings.id, filingIds), or(eq(filings.institutionId, orgId), eq(filings.assignedInstitutionId, orgId))))
    .orderBy(filings.id)
    .for("update", { of: [filings, instruments] });
  if (rows.length !== filingIds.length) throw new AppError("NOT_FOUND");
  return rows;
}
type Locked = Awaited<ReturnType<typeof lockFilings>>[number];

const entry = (d: Decider, action: FilingHistoryEntry["action"], extra: Partial<FilingHistoryEntry> = {}): FilingHistoryEntry => ({
  at: new Date().toISOString(),
  action,
  byOrgId: d.orgId,
  byUserId: d.userId,
  ...extra,
});
const appendHistory = (e: FilingHistoryEntry) => sql`${filings.history} || ${JSON.stringify([e])}::jsonb`;
const asRecord = (r: Locked): FilingRecord => ({ state: r.state, institutionId: r.institutionId, assignedInstitutionId: r.assignedInstitutionId });

/** Marks filings approved by `institutionId` and gives each instrument its code (R-FIL-2/3/4). */
async function approveLocked(tx: Tx, d: Decider, rows: Locked[], institutionId: number, action: "approve" | "confirm") {
  const day = chinaToday();
  const byCounty = new Map<string, Locked[]>();
  for (const r of rows) byCounty.set(r.countyCode, [...(byCounty.get(r.countyCode) ?? []), r]);
  const codes = new Map<number, string>();
  for (const [county, list] of byCounty) {
    const first = await nextNumber(tx, "instrument_code", county, day, list.length);
    list.forEach((r, i) => codes.set(r.id, instrumentCode(county, day, first + i)));
  }
  const e = entry(d, action);
  // Two set-based statements, however many filings are decided at once.
  const codeValues = sql.join(rows.map((r) => sql`(${r.id}::bigint, ${r.instrumentId}::bigint, ${codes.get(r.id)!})`), sql`, `);
  await tx.execute(sql`
    update ${filings} set state = 'filed', decided_by = ${d.userId}, decided_at = now(), approved_on = ${day}::date,
      instrument_code = v.code, history = ${filings.history} || ${JSON.stringify([e])}::jsonb, updated_at = now()
    from (values ${codeValues}) as v(filing_id, instrument_id, code) where ${filings.id} = v.filing_id`);
  await tx.execute(sql`
    update ${instruments} set filing_status = 'filed', flow_status = null, institution_id = ${institutionId}::bigint,
      instrument_code = v.code, filing_approved_on = ${day}::date, updated_at = now()
    from (values ${codeValues}) as v(filing_id, instrument_id, code) where ${instruments.id} = v.instrument_id`);
  // R-PUB-3: the filed instrument gets its permanent label token (kept if it had one).
  await ensureLabelTokens(tx, rows.map((r) => r.instrumentId));
  await writeAudit(
    tx,
    d,
    rows.map((r) => ({
      action: `filing.${action}`,
      entityType: "filing",
      entityId: r.id,
      before: { state: r.state },
      after: { state: "filed", institutionId, instrumentCode: codes.get(r.id), approvedOn: day },
    })),
  );
  await notifyFilingsApproved(tx, institutionId, rows);
  return { decided: rows.length, codes: [...codes.values()] };
}

/** R-FIL-2: the reviewing institution approves and verifies itself. */
export function approveFilings(db: DB, d: Decider, filingIds: number[]) {
  return db.transaction(async (tx) => {
    const rows = await lockFilings(tx, filingIds, d.orgId);
    rows.forEach((r) => assertReviewable(asRecord(r), d.caller));
    return approveLocked(tx, d, rows, d.orgId, "approve");
  });
}

/** R-FIL-3: the county institution confirms what was assigned to it; it becomes the verifying institution. */
export function confirmFilings(db: DB, d: Decider, filingIds: number[]) {
  return db.transaction(async (tx) => {
    const rows = await lockFilings(tx, filingIds, d.orgId);
    rows.forEach((r) => assertAssignedTo(asRecord(r), d.caller));
    return approveLocked(tx, d, rows, d.orgId, "confirm");
  });
}

/** R-FIL-2: hand filings to a legal county institution below the caller that has the capability. */
export function assignFilings(db: DB, d: Decider, filingIds: number[], targetId: number) {
  return db.transaction(async (tx) => {
    const rows = await lockFilings(tx, filingIds, d.orgId);
    rows.forEach((r) => assertCanAssign(asRecord(r), d.caller));
    const [target] = await tx
      .select({
        id: organisations.id,
        kind: organisations.kind,
        status: organisations.status,
        institutionKind: organisations.institutionKind,
        level: organisations.level,
        cityCode: organisations.cityCode,
        provinceCode: organisations.provinceCode,
        countyCode: organisations.countyCode,
      })
      .from(organisations)
      .where(eq(organisations.id, targetId));
    if (!target) throw new AppError("FILING_ASSIGN_TARGET_INVALID");
    const candidates = (await loadCandidates(tx, [...new Set(rows.map((r) => r.kindId))])).filter((c) => c.id === targetId);
    for (const r of rows) {
      const capable = routeFor(candidates, r).eligible.length > 0;
      assertAssignTarget(target, d.regionCode ?? "", r.countyCode, capable);
    }
    const e = entry(d, "assign", { toOrgId: targetId });
    await tx
      .update(filings)
      .set({ state: "assigned", assignedInstitutionId: targetId, history: appendHistory(e) })
      .where(inArray(filings.id, filingIds));
    await tx.update(instruments).set({ filingStatus: "assigned", institutionId: targetId }).where(inArray(instruments.id, rows.map((r) => r.instrumentId)));
    await writeAudit(
      tx,
      d,
      rows.map((r) => ({ action: "filing.assign", entityType: "filing", entityId: r.id, before: { state: r.state }, after: { state: "assigned", assignedInstitutionId: targetId } })),
    );
    await notifyFilingsAssigned(tx, d.orgId, targetId, rows);
    return { decided: rows.length };
  });
}

/** R-FIL-2 / R-FIL-6: return to the enterprise with a reason; the instrument leaves the filing flow. */
export function returnFilings(db: DB, d: Decider, filingIds: number[], reason: ReturnReason, text: string | undefined) {
  return db.transaction(async (tx) => {
    const rows = await lockFilings(tx, filingIds, d.orgId);
    rows.forEach((r) => assertReviewable(asRecord(r), d.caller));
    const e = entry(d, "return", { reason, text });
    await tx
      .update(filings)
      .set({ state: "returned", returnReason: reason, returnText: text ?? null, decidedBy: d.userId, decidedAt: new Date(), history: appendHistory(e) })
      .where(inArray(filings.id, filingIds));
    await tx
      .update(instruments)
      .set({ filingStatus: "returned", flowStatus: null, institutionId: null })
      .where(inArray(instruments.id, rows.map((r) => r.instrumentId)));
    await writeAudit(
      tx,
      d,
      rows.map((r) => ({ action: "filing.return", entityType: "filing", entityId: r.id, before: { state: r.state }, after: { state: "returned", reason, text } })),
    );
    await notifyFilingsReturned(tx, d.orgId, rows, reason, text);
    return { decided: rows.length };
  });
}

/** R-FIL-3: the county institution returns an assigned filing to the city institution as "无能力". */
export function declineFilings(db: DB, d: Decider, filingIds: number[], text: string | undefined) {
  return db.transaction(async (tx) => {
    const rows = await lockFilings(tx, filingIds, d.orgId);
    rows.forEach((r) => assertAssignedTo(asRecord(r), d.caller));
    const e = entry(d, "decline", { reason: "无能力", text });
    await tx.update(filings).set({ state: "pending", assignedInstitutionId: null, history: appendHistory(e) }).where(inArray(filings.id, filingIds));
    // Back with the reviewing institution: the instrument's one open filing (unique index) names it.
    await tx
      .update(instruments)
      .set({ filingStatus: "pending", institutionId: sql`(select f.institution_id from ${filings} f where f.instrument_id = ${instruments.id} and f.state = 'pending')` })
      .where(inArray(instruments.id, rows.map((r) => r.instrumentId)));
    await writeAudit(
      tx,
      d,
      rows.map((r) => ({ action: "filing.decline", entityType: "filing", entityId: r.id, before: { state: r.state, assignedInstitutionId: d.orgId }, after: { state: "pending", reason: "无能力", text } })),
    );
    return { decided: rows.length };
  });
}
