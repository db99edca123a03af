import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { recordResultsInput, resultSheetInput } from "@/lib/schemas/reception";
import { chinaToday } from "@/lib/china-day";
import type { DB, Queryable } from "@/server/db/open";
import { appointmentItems, appointments, catalogueKinds, instruments, organisations, results } from "@/server/db/schema";
import { defaultValidUntil } from "@/server/domain/results/validity";
import { assertResultRecordable } from "@/server/domain/results/record";
import { AppError } from "@/server/errors";
import { notifyEvent } from "@/server/notify/events";
import { writeAudit } from "@/server/services/audit";
import { issueDocuments } from "@/server/services/certificates/issue";
import { historyEntry, type InstitutionActor, lockItems, lockOwnAppointment, releasePlaces, settleAppointment } from "./item-steps";

const ruleColumns = { regime: catalogueKinds.regime, periodMonths: catalogueKinds.periodMonths, serviceLifeYears: catalogueKinds.serviceLifeYears };

/**
 * The batch-entry sheet of one of the caller's appointments (issue 10 item 6): every instrument in it, those
 * received and without a result editable, with validUntil pre-filled from the kind's regime for `today`
 * (R-RES-1) and the rule itself so the page can recompute it when the date changes.
 */
export async function resultSheet(db: Queryable, caller: InstitutionActor, input: z.infer<typeof resultSheetInput>, now = new Date()) {
  const [a] = await db
    .select({ id: appointments.id, number: appointments.number, state: appointments.state, method: appointments.method, day: appointments.day, enterpriseName: organisations.name })
    .from(appointments)
    .innerJoin(organisations, eq(organisations.id, appointments.enterpriseId))
    .where(and(eq(appointments.id, input.appointmentId), eq(appointments.institutionId, caller.org.id), sql`${appointments.state} <> 'draft'`));
  if (!a) throw new AppError("NOT_FOUND");
  const today = chinaToday(now);
  const rows = await db
    .select({
      itemId: appointmentItems.id,
      state: appointmentItems.state,
      name: instruments.name,
      model: instruments.model,
      serialNo: instruments.serialNo,
      instrumentCode: instruments.instrumentCode,
      kindName: catalogueKinds.name,
      ...ruleColumns,
      verdict: results.verdict,
    })
    .from(appointmentItems)
    .innerJoin(instruments, eq(instruments.id, appointmentItems.instrumentId))
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .leftJoin(results, eq(results.appointmentItemId, appointmentItems.id))
    .where(eq(appointmentItems.appointmentId, a.id))
    .orderBy(asc(appointmentItems.id));
  return {
    ...a,
    today,
    items: rows.map(({ regime, periodMonths, serviceLifeYears, ...r }) => ({
      ...r,
      rule: { regime, periodMonths, serviceLifeYears },
      defaultValidUntil: defaultValidUntil({ regime, periodMonths, serviceLifeYears }, today),
    })),
  };
}

/**
 * R-RES-1 / R-RES-5: records the results of received instruments of one appointment — one, or a whole on-site
 * batch — in one transaction: lock the appointment and the items, re-check each row (received, no result yet,
 * dates), insert the results, items → done, instruments leave the appointment flow, the certificate or fail
 * notice of each through issueDocuments (which updates the instrument, R-BKT-5), timeline + audit, and the
 * appointment completes when nothing is left open. Two concurrent calls for one item: the second waits on the
 * appointment lock and then finds the item done (RES_ALREADY_RECORDED), so no item gets two documents.
 */
export function recordResults(db: DB, caller: InstitutionActor, input: z.infer<typeof recordResultsInput>, now = new Date()) {
  return db.transaction(async (tx) => {
    const itemIds = input.rows.map((r) => r.itemId);
    if (new Set(itemIds).size !== itemIds.length) throw new AppError("RES_DUPLICATE_ROW");
    const a = await lockOwnAppointment(tx, caller, input.appointmentId);
    const items = await lockItems(tx, a.id, itemIds);
    const byId = new Map(items.map((i) => [i.id, i]));
    const rules = new Map(
      (
        await tx
          .select({ id: instruments.id, ...ruleColumns })
          .from(instruments)
          .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
          .where(inArray(instruments.id, items.map((i) => i.instrumentId)))
      ).map((r) => [r.id, r]),
    );
    const today = chinaToday(now);
    const values = input.rows.map((r) => {
      const item = byId.get(r.itemId)!;
      const validUntil = r.verdict === "fail" ? null : r.validUntil === undefined ? defaultValidUntil(rules.get(item.instrumentId)!, r.verifiedOn) : r.validUntil;
      assertResultRecordable({ itemState: item.state, verifiedOn: r.verifiedOn, validUntil, today });
      return {
        appointmentItemId: item.id,
        appointmentId: a.id,
        instrumentId: item.instrumentId,
        enterpriseId: a.enterpriseId,
        institutionId: a.institutionId,
        verdict: r.verdict,
        verifiedOn: r.verifiedOn,
        validUntil,
        verifier: r.verifier,
        checker: r.checker,
        approver: r.approver,
        conclusion: r.conclusion || null,
        feeCents: r.feeCents ?? null,
        feeNote: r.feeCents != null ? r.feeNote || null : null,
        recordedBy: caller.actor.userId,
      };
    });
    const inserted = await tx.insert(results).values(values).returning({ id: results.id, appointmentItemId: results.appointmentItemId, verdict: results.verdict });
    await tx.update(appointmentItems).set({ state: "done", closedAt: now, updatedAt: now }).where(inArray(appointmentItems.id, itemIds));
    const instrumentIds = items.map((i) => i.instrumentId);
    await tx.update(instruments).set({ flowStatus: null, updatedAt: now }).where(inArray(instruments.id, instrumentIds));
    const documents = await issueDocuments(tx, caller.actor, inserted.map((r) => r.id), today);

    const e = historyEntry(caller, "result", { instrumentIds });
    await tx.update(appointments).set({ history: sql`${appointments.history} || ${JSON.stringify([e])}::jsonb`, updatedAt: now }).where(eq(appointments.id, a.id));
    await releasePlaces(tx, a, items.length);
    await writeAudit(
      tx,
      caller.actor,
      inserted.map((r) => {
        const v = values.find((x) => x.appointmentItemId === r.appointmentItemId)!;
        return {
          action: "result.record",
          entityType: "result",
          entityId: r.id,
          after: { appointmentId: a.id, itemId: r.appointmentItemId, verdict: v.verdict, verifiedOn: v.verifiedOn, validUntil: v.validUntil, feeCents: v.feeCents },
        };
      }),
    );
    const state = await settleAppointment(tx, caller, a, a.state);
    const failed = inserted.filter((r) => r.verdict === "fail").length;
    await notifyEvent(tx, {
      kind: "result_issued",
      orgId: a.enterpriseId,
      data: { appointmentId: a.id, appointmentNo: a.number!, institutionName: caller.org.name, passed: inserted.length - failed, failed },
    });
    const fees = values.filter((v) => v.feeCents != null && v.feeCents > 0).reduce((sum, v) => sum + v.feeCents!, 0);
    if (fees > 0) {
      await notifyEvent(tx, { kind: "fee_due", orgId: a.enterpriseId, data: { appointmentId: a.id, appointmentNo: a.number!, institutionName: caller.org.name, amount: (fees / 100).toFixed(2) } });
    }
    return { recorded: inserted.length, state, documents: documents.map((d) => ({ kind: d.kind, number: d.number, resultId: d.resultId })) };
  });
}
