import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { rejectInput, rescheduleInput } from "@/lib/schemas/appointment-desk";
import type { InstitutionCaller } from "@/server/authz/caller";
import type { DB, Tx } from "@/server/db/open";
import { appointmentItems, appointments, institutionClosedDays, instruments, type AppointmentHistoryEntry } from "@/server/db/schema";
import { assertBookableDay } from "@/server/domain/appointments/calendar";
import { assertReschedule } from "@/server/domain/appointments/reschedule";
import { appointmentTransition, itemTransition } from "@/server/domain/appointments/transitions";
import { AppError, notFound } from "@/server/errors";
import { notifyEvent } from "@/server/notify/events";
import { writeAudit } from "@/server/services/audit";
import { returnFilingsOfInstruments } from "@/server/services/filing/revoke-filings";
import { loadPlatformCalendar } from "./holidays";
import { ensureSlotRows } from "./settings";
import { adjustUsage, lockUsage, type UsageKey } from "./slot-usage";

type Caller = Pick<InstitutionCaller, "org" | "actor">;

/**
 * 预约确认 (issue 10 item 3, R-APT-4): the institution confirms, moves or rejects an appointment made with it.
 * Each call locks the appointment (FOR UPDATE), re-checks the pure transition on what it locked, writes the
 * change, a timeline step and its audit rows in one transaction. Another institution's appointment, or a
 * draft (the institution never sees those), is NOT_FOUND (R-SCOPE-4).
 */
async function lockOwn(tx: Tx, caller: Caller, id: number) {
  const [a] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.institutionId, caller.org.id), ne(appointments.state, "draft")))
    .for("update");
  if (!a) throw notFound();
  return a;
}

const step = (caller: Caller, e: Omit<AppointmentHistoryEntry, "at" | "byOrgId" | "byUserId">): AppointmentHistoryEntry => ({
  at: new Date().toISOString(),
  byOrgId: caller.org.id,
  byUserId: caller.actor.userId,
  ...e,
});
const append = (e: AppointmentHistoryEntry) => sql`${appointments.history} || ${JSON.stringify([e])}::jsonb`;

/** 确认: 已提交 → 已确认. */
export function confirmAppointment(db: DB, caller: Caller, id: number) {
  return db.transaction(async (tx) => {
    const a = await lockOwn(tx, caller, id);
    const state = appointmentTransition(a.state, "confirm");
    await tx
      .update(appointments)
      .set({ state, confirmedAt: new Date(), history: append(step(caller, { action: "confirmed", state })), updatedAt: new Date() })
      .where(eq(appointments.id, a.id));
    await writeAudit(tx, caller.actor, { action: "appointment.confirm", entityType: "appointment", entityId: a.id, before: { state: a.state }, after: { state } });
    await notifyEvent(tx, {
      kind: "appointment_confirmed",
      orgId: a.enterpriseId,
      data: { appointmentId: a.id, appointmentNo: a.number!, institutionName: caller.org.name, date: a.day, timeSlot: `${a.slotLabel} ${a.slotStart}–${a.slotEnd}` },
    });
    return { id: a.id, state };
  });
}

/**
 * 修改预约时间: a new working day (R-APT-5) and one of the institution's slots, with the reason the enterprise
 * will read. The places move from the old slot to the new one; a new slot without room is refused unless the
 * institution explicitly accepts going above its own capacity (src/server/domain/appointments/reschedule.ts).
 */
export function rescheduleAppointment(db: DB, caller: Caller, input: z.output<typeof rescheduleInput>, now = new Date()) {
  return db.transaction(async (tx) => {
    const a = await lockOwn(tx, caller, input.id);
    const state = appointmentTransition(a.state, "reschedule");
    const [calendar, closed] = await Promise.all([
      loadPlatformCalendar(tx, input.day, input.day),
      tx.select({ day: institutionClosedDays.day }).from(institutionClosedDays).where(and(eq(institutionClosedDays.institutionId, a.institutionId), eq(institutionClosedDays.day, input.day))),
    ]);
    assertBookableDay(input.day, { calendar, closedDays: new Set(closed.map((c) => c.day)), now });
    const slot = (await ensureSlotRows(tx, a.institutionId)).find((s) => s.id === input.slotId);
    if (!slot) throw new AppError("APT_SLOT_UNKNOWN");
    const from: UsageKey = { institutionId: a.institutionId, day: a.day, slotId: a.slotId, method: a.method };
    const to: UsageKey = { institutionId: a.institutionId, day: input.day, slotId: slot.id, method: a.method };
    const sameRow = from.day === to.day && from.slotId === to.slotId;
    const [, usedInTarget] = sameRow ? [0, 0] : await lockUsage(tx, [from, to]);
    const { overCapacity } = assertReschedule({
      from,
      to,
      places: a.instrumentCount,
      usedInTarget: usedInTarget ?? 0,
      capacity: a.method === "send_in" ? slot.capacitySendIn : slot.capacityOnSite,
      allowOverCapacity: input.allowOverCapacity,
    });
    await adjustUsage(tx, from, -a.instrumentCount);
    await adjustUsage(tx, to, a.instrumentCount);
    const e = step(caller, { action: "rescheduled", state, text: input.reason, day: input.day, slotLabel: `${slot.label} ${slot.startTime}–${slot.endTime}` });
    await tx
      .update(appointments)
      .set({
        state,
        day: input.day,
        slotId: slot.id,
        slotLabel: slot.label,
        slotStart: slot.startTime,
        slotEnd: slot.endTime,
        rescheduleReason: input.reason,
        history: append(e),
        updatedAt: new Date(),
      })
      .where(eq(appointments.id, a.id));
    await writeAudit(tx, caller.actor, {
      action: "appointment.reschedule",
      entityType: "appointment",
      entityId: a.id,
      before: { state: a.state, day: a.day, slotId: a.slotId, slotLabel: a.slotLabel },
      after: { state, day: input.day, slotId: slot.id, slotLabel: slot.label, reason: input.reason, places: a.instrumentCount, overCapacity },
    });
    await notifyEvent(tx, {
      kind: "appointment_rescheduled",
      orgId: a.enterpriseId,
      data: { appointmentId: a.id, appointmentNo: a.number!, institutionName: caller.org.name, fromDate: a.day, toDate: input.day, timeSlot: `${slot.label} ${slot.startTime}–${slot.endTime}`, reason: input.reason },
    });
    return { id: a.id, state, day: input.day, slotLabel: slot.label, overCapacity };
  });
}

/**
 * 拒绝 with a reason (R-APT-4): every instrument still booked is cancelled and leaves the appointment flow,
 * the places go back to the slot, and with 取消备案状态 the instruments' filings return to 被退回 (R-FIL-6).
 */
export function rejectAppointment(db: DB, caller: Caller, input: z.output<typeof rejectInput>) {
  return db.transaction(async (tx) => {
    const a = await lockOwn(tx, caller, input.id);
    const state = appointmentTransition(a.state, "reject");
    const items = await tx
      .select({ id: appointmentItems.id, state: appointmentItems.state, instrumentId: appointmentItems.instrumentId })
      .from(appointmentItems)
      .where(eq(appointmentItems.appointmentId, a.id))
      .orderBy(appointmentItems.id)
      .for("update");
    const open = items.filter((i) => i.state === "booked" || i.state === "received");
    open.forEach((i) => itemTransition(i.state, "cancel"));
    const instrumentIds = open.map((i) => i.instrumentId);
    if (open.length) {
      await tx
        .update(appointmentItems)
        .set({ state: "cancelled", reason: input.reason, closedAt: new Date(), updatedAt: new Date() })
        .where(inArray(appointmentItems.id, open.map((i) => i.id)));
      await tx.update(instruments).set({ flowStatus: null }).where(inArray(instruments.id, instrumentIds));
    }
    await adjustUsage(tx, { institutionId: a.institutionId, day: a.day, slotId: a.slotId, method: a.method }, -a.instrumentCount);
    const filings = input.cancelFilings
      ? await returnFilingsOfInstruments(tx, caller.actor, instrumentIds, `预约单 ${a.number} 被拒绝：${input.reason}`, "filing.revoke_by_reject")
      : { returned: [] as number[] };
    const e = step(caller, { action: "rejected", state, text: input.reason, instrumentIds });
    await tx
      .update(appointments)
      .set({ state, rejectReason: input.reason, rejectCancelledFilings: input.cancelFilings, instrumentCount: 0, history: append(e), updatedAt: new Date() })
      .where(eq(appointments.id, a.id));
    await writeAudit(tx, caller.actor, [
      {
        action: "appointment.reject",
        entityType: "appointment",
        entityId: a.id,
        before: { state: a.state, instrumentCount: a.instrumentCount },
        after: { state, reason: input.reason, cancelFilings: input.cancelFilings, cancelledItems: open.map((i) => i.id), filingsReturnedFor: filings.returned },
      },
    ]);
    await notifyEvent(tx, {
      kind: "appointment_rejected",
      orgId: a.enterpriseId,
      data: { appointmentId: a.id, appointmentNo: a.number!, institutionName: caller.org.name, reason: input.reason },
    });
    return { id: a.id, state, cancelledInstruments: instrumentIds.length, filingsReturned: filings.returned.length };
  });
}
