import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { APPOINTMENT_STATE_LABEL } from "@/lib/vocab";
import type { receiveItemsInput, receptionFindInput, returnItemsInput } from "@/lib/schemas/reception";
import type { DB, Queryable } from "@/server/db/open";
import { appointmentItems, appointments, catalogueKinds, filings, instruments, organisations, results, type FilingHistoryEntry } from "@/server/db/schema";
import { appointmentTransition, itemTransition } from "@/server/domain/appointments/transitions";
import { AppError } from "@/server/errors";
import { notifyEvent } from "@/server/notify/events";
import { writeAudit } from "@/server/services/audit";
import { historyEntry, type InstitutionActor, lockItems, lockOwnAppointment, releasePlaces, settleAppointment } from "./item-steps";

/** States in which the front desk handles an appointment (R-APT-6); completed ones are shown read-only. */
const AT_DESK = ["confirmed", "rescheduled", "received", "completed"] as const;

/**
 * 接收登记 lookup by number (typed or scanned): the caller's own appointment with its instruments. Another
 * institution's number, a number that does not exist and a draft are all NOT_FOUND (R-SCOPE-4); an own
 * appointment not yet confirmed, rejected or cancelled says why it cannot be received.
 */
export async function findForReception(db: Queryable, caller: InstitutionActor, input: z.infer<typeof receptionFindInput>) {
  const [a] = await db
    .select({
      id: appointments.id,
      number: appointments.number,
      state: appointments.state,
      method: appointments.method,
      day: appointments.day,
      slotLabel: appointments.slotLabel,
      slotStart: appointments.slotStart,
      slotEnd: appointments.slotEnd,
      contactName: appointments.contactName,
      contactPhone: appointments.contactPhone,
      siteAddress: appointments.siteAddress,
      remark: appointments.remark,
      enterpriseName: organisations.name,
      enterpriseAddress: organisations.address,
    })
    .from(appointments)
    .innerJoin(organisations, eq(organisations.id, appointments.enterpriseId))
    .where(and(eq(appointments.number, input.number), eq(appointments.institutionId, caller.org.id), sql`${appointments.state} <> 'draft'`));
  if (!a) throw new AppError("NOT_FOUND", "未找到该预约单，请核对单号（只能接收预约本机构的预约单）");
  if (!(AT_DESK as readonly string[]).includes(a.state)) {
    throw new AppError("RECEPTION_NOT_OPEN", `该预约单${APPOINTMENT_STATE_LABEL[a.state]}，不能办理接收`);
  }
  const items = await db
    .select({
      id: appointmentItems.id,
      state: appointmentItems.state,
      reason: appointmentItems.reason,
      receivedAt: appointmentItems.receivedAt,
      instrumentId: instruments.id,
      name: instruments.name,
      model: instruments.model,
      serialNo: instruments.serialNo,
      manufacturer: instruments.manufacturer,
      instrumentCode: instruments.instrumentCode,
      kindName: catalogueKinds.name,
      verdict: results.verdict,
    })
    .from(appointmentItems)
    .innerJoin(instruments, eq(instruments.id, appointmentItems.instrumentId))
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .leftJoin(results, eq(results.appointmentItemId, appointmentItems.id))
    .where(eq(appointmentItems.appointmentId, a.id))
    .orderBy(asc(appointmentItems.id));
  return { ...a, items };
}

/**
 * R-APT-6 接收: the chosen instruments are registered as received; the appointment becomes 已接收 on the first
 * one. Locks the appointment and the items, re-checks both transitions, writes, timeline + audit, one transaction.
 */
export function receiveItems(db: DB, caller: InstitutionActor, input: z.infer<typeof receiveItemsInput>) {
  return db.transaction(async (tx) => {
    const a = await lockOwnAppointment(tx, caller, input.appointmentId);
    const next = appointmentTransition(a.state, "receive");
    const items = await lockItems(tx, a.id, input.itemIds);
    items.forEach((i) => itemTransition(i.state, "receive"));
    const ids = items.map((i) => i.id);
    const now = new Date();
    await tx.update(appointmentItems).set({ state: "received", receivedAt: now, receivedBy: caller.actor.userId, updatedAt: now }).where(inArray(appointmentItems.id, ids));
    const e = historyEntry(caller, "received", { state: next, instrumentIds: items.map((i) => i.instrumentId) });
    await tx
      .update(appointments)
      .set({ state: next, receivedAt: a.receivedAt ?? now, history: sql`${appointments.history} || ${JSON.stringify([e])}::jsonb`, updatedAt: now })
      .where(eq(appointments.id, a.id));
    await writeAudit(tx, caller.actor, {
      action: "appointment.receive",
      entityType: "appointment",
      entityId: a.id,
      before: { state: a.state },
      after: { state: next, itemIds: ids, instrumentIds: items.map((i) => i.instrumentId) },
    });
    await notifyEvent(tx, {
      kind: "appointment_received",
      orgId: a.enterpriseId,
      data: { appointmentId: a.id, appointmentNo: a.number!, institutionName: caller.org.name, count: ids.length },
    });
    return { received: ids.length, state: next };
  });
}

/**
 * R-APT-6 退单 with a reason: each item → returned, the instrument leaves the appointment, its filing is
 * revoked the way a reviewer returns one (filing state 被退回 with the reason, instrument filingStatus
 * "returned", flowStatus null, no institution; decide-filings.ts returnFilings), so it shows in the
 * enterprise's 被退回 list (R-FIL-6). The appointment completes when nothing is left open (R-RES-5).
 */
export function returnItems(db: DB, caller: InstitutionActor, input: z.infer<typeof returnItemsInput>) {
  return db.transaction(async (tx) => {
    const a = await lockOwnAppointment(tx, caller, input.appointmentId);
    appointmentTransition(a.state, "receive"); // the desk handles confirmed / rescheduled / received ones only
    const items = await lockItems(tx, a.id, input.itemIds);
    items.forEach((i) => itemTransition(i.state, "return"));
    const ids = items.map((i) => i.id);
    const instrumentIds = items.map((i) => i.instrumentId);
    const now = new Date();
    await tx.update(appointmentItems).set({ state: "returned", reason: input.reason, closedAt: now, updatedAt: now }).where(inArray(appointmentItems.id, ids));

    // The filing that let the instrument be booked: its latest 已备案 one (a later cycle may have none, R-FIL-5).
    const filedRows = await tx
      .select({ id: filings.id, instrumentId: filings.instrumentId })
      .from(filings)
      .where(and(inArray(filings.instrumentId, instrumentIds), eq(filings.state, "filed")))
      .orderBy(desc(filings.id))
      .for("update");
    const filed = [...new Map(filedRows.reverse().map((f) => [f.instrumentId, f])).values()];
    const fe: FilingHistoryEntry = { at: now.toISOString(), action: "return", byOrgId: caller.org.id, byUserId: caller.actor.userId, reason: "other", text: `退单：${input.reason}` };
    if (filed.length > 0) {
      await tx
        .update(filings)
        .set({
          state: "returned",
          returnReason: "other",
          returnText: `退单：${input.reason}`,
          decidedBy: caller.actor.userId,
          decidedAt: now,
          history: sql`${filings.history} || ${JSON.stringify([fe])}::jsonb`,
          updatedAt: now,
        })
        .where(inArray(filings.id, filed.map((f) => f.id)));
    }
    await tx.update(instruments).set({ filingStatus: "returned", flowStatus: null, institutionId: null, updatedAt: now }).where(inArray(instruments.id, instrumentIds));

    const e = historyEntry(caller, "returned", { text: input.reason, instrumentIds });
    await tx.update(appointments).set({ history: sql`${appointments.history} || ${JSON.stringify([e])}::jsonb`, updatedAt: now }).where(eq(appointments.id, a.id));
    await releasePlaces(tx, a, items.length);
    await writeAudit(tx, caller.actor, [
      { action: "appointment.return_item", entityType: "appointment", entityId: a.id, before: { items: items.map((i) => ({ id: i.id, state: i.state })) }, after: { state: "returned", itemIds: ids, reason: input.reason } },
      ...filed.map((f) => ({ action: "filing.return", entityType: "filing", entityId: f.id, before: { state: "filed" }, after: { state: "returned", reason: "other", text: `退单：${input.reason}`, appointmentId: a.id } })),
    ]);
    const state = await settleAppointment(tx, caller, a, a.state);
    await notifyEvent(tx, {
      kind: "appointment_withdrawn",
      orgId: a.enterpriseId,
      data: { appointmentId: a.id, appointmentNo: a.number!, institutionName: caller.org.name, reason: input.reason },
    });
    return { returned: ids.length, state };
  });
}
