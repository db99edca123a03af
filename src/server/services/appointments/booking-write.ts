import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { chinaToday } from "@/lib/china-day";
import type { AppointmentFields, cancelItemsInput, createAppointmentsInput, updateDraftInput } from "@/lib/schemas/booking";
import { SLOT_HOLDING_STATES, type AppointmentState } from "@/lib/vocab";
import type { OrgActor } from "@/server/authz/caller";
import type { DB, Queryable } from "@/server/db/open";
import { appointmentItems, appointments, instruments, type AppointmentHistoryEntry } from "@/server/db/schema";
import {
  appointmentNumber,
  appointmentTransition,
  assertSingleGroup,
  itemTransition,
  methodLetter,
  settledState,
  splitByInstitutionAndMethod,
} from "@/server/domain/appointments/transitions";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/services/audit";
import { nextNumber } from "@/server/services/numbering/next-number";
import {
  appendHistory,
  assertAllBookable,
  capacityOf,
  checkDay,
  liveSlot,
  loadOwnInstruments,
  lockOwnAppointment,
  orgAddress,
  slotByStart,
  type BookingRow,
} from "./booking-load";
import { adjustUsage, takePlaces } from "./slot-usage";

type Caller = { actor: OrgActor };

/** The partial unique index (one open appointment per instrument) answers a race the locks did not see. */
async function openItemRace<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    type PgErr = { code?: string; constraint?: string; constraint_name?: string };
    const e = err as PgErr & { cause?: PgErr };
    const c = e.cause ?? e;
    // postgres-js names the constraint `constraint_name`, PGlite `constraint`.
    if (c.code === "23505" && String(c.constraint_name ?? c.constraint ?? "").includes("appointment_items_open_instrument")) throw new AppError("APT_ALREADY_BOOKED");
    throw err;
  }
}

const entry = (actor: OrgActor, at: Date, e: Omit<AppointmentHistoryEntry, "at" | "byOrgId" | "byUserId">): AppointmentHistoryEntry => ({
  at: at.toISOString(),
  byOrgId: actor.orgId,
  byUserId: actor.userId,
  ...e,
});

/** R-APT-2 for one appointment: the chosen instruments form exactly one institution + method group. */
function oneGroup(rows: BookingRow[]) {
  const groups = splitByInstitutionAndMethod(rows);
  if (groups.length !== 1) throw new AppError("APT_MIXED");
  return groups[0]!;
}

async function siteAddressFor(tx: Queryable, actor: OrgActor, method: "send_in" | "on_site", given: string | null) {
  if (method !== "on_site") return given;
  const address = given ?? (await orgAddress(tx, actor.orgId));
  if (!address) throw new AppError("APT_SITE_ADDRESS_REQUIRED");
  return address;
}

/** Writes one draft (待提交): it holds its instruments (R-APT-1) but no places in the slot (R-APT-5). */
export async function insertDraft(tx: Queryable, actor: OrgActor, f: AppointmentFields, now: Date) {
  const rows = await loadOwnInstruments(tx, actor.orgId, f.instrumentIds, true);
  assertAllBookable(rows);
  const group = oneGroup(rows);
  await checkDay(tx, group.institutionId, f.day, now);
  const slot = await slotByStart(tx, group.institutionId, f.slotStart);
  const siteAddress = await siteAddressFor(tx, actor, group.method, f.siteAddress);
  const [a] = await tx
    .insert(appointments)
    .values({
      enterpriseId: actor.orgId,
      institutionId: group.institutionId,
      method: group.method,
      state: "draft",
      day: f.day,
      slotId: slot.id,
      slotLabel: slot.label,
      slotStart: slot.startTime,
      slotEnd: slot.endTime,
      contactName: f.contactName,
      contactPhone: f.contactPhone || null,
      siteAddress,
      remark: f.remark,
      createdBy: actor.userId,
      history: [entry(actor, now, { action: "created", state: "draft", instrumentIds: f.instrumentIds })],
    })
    .returning();
  await tx.insert(appointmentItems).values(rows.map((r) => ({ appointmentId: a!.id, instrumentId: r.id, enterpriseId: actor.orgId })));
  await tx.update(instruments).set({ flowStatus: "appointment" }).where(inArray(instruments.id, f.instrumentIds));
  await writeAudit(tx, actor, {
    action: "appointment.create",
    entityType: "appointment",
    entityId: a!.id,
    after: { institutionId: a!.institutionId, method: a!.method, day: a!.day, slot: a!.slotLabel, instrumentIds: f.instrumentIds },
  });
  return a!;
}

/**
 * Submission (R-APT-3…5): re-checks every instrument, the day and the slot, takes the places with the
 * row-locking upsert (APT_SLOT_FULL above capacity), and gives the number of the China day of submission —
 * all in the caller's transaction, so a refusal leaves the draft as it was.
 */
export async function submitInTx(tx: Queryable, actor: OrgActor, id: number, now: Date) {
  const a = await lockOwnAppointment(tx, actor.orgId, id);
  const next = appointmentTransition(a.state, "submit");
  const items = await tx
    .select({ instrumentId: appointmentItems.instrumentId })
    .from(appointmentItems)
    .where(and(eq(appointmentItems.appointmentId, a.id), eq(appointmentItems.state, "booked")));
  if (items.length === 0) throw new AppError("BAD_INPUT", "预约单中没有器具，请先添加器具");
  if (!a.contactName || !a.contactPhone) throw new AppError("BAD_INPUT", "请先填写联系人和联系电话");
  const rows = await loadOwnInstruments(tx, actor.orgId, items.map((i) => i.instrumentId), true);
  assertAllBookable(rows, true);
  assertSingleGroup(rows, a.institutionId, a.method);
  await checkDay(tx, a.institutionId, a.day, now);
  const slot = await liveSlot(tx, a.institutionId, a.slotId);
  await takePlaces(tx, { institutionId: a.institutionId, day: a.day, slotId: a.slotId, method: a.method }, rows.length, capacityOf(slot, a.method));
  const day = chinaToday(now);
  const number = appointmentNumber(a.method, day, await nextNumber(tx, "appointment", methodLetter(a.method), day));
  await tx
    .update(appointments)
    .set({ state: next, number, submittedAt: now, instrumentCount: rows.length, updatedAt: now, history: appendHistory(entry(actor, now, { action: "submitted", state: next })) })
    .where(eq(appointments.id, a.id));
  await writeAudit(tx, actor, { action: "appointment.submit", entityType: "appointment", entityId: a.id, before: { state: a.state }, after: { state: next, number, instrumentCount: rows.length } });
  return { id: a.id, number };
}

/** 新建预约: one or more appointments (one per institution + method), saved as drafts or submitted at once. */
export async function createAppointments(db: DB, caller: Caller, input: z.infer<typeof createAppointmentsInput>, now = new Date()) {
  const all = input.appointments.flatMap((a) => a.instrumentIds);
  if (new Set(all).size !== all.length) throw new AppError("BAD_INPUT", "同一台器具只能出现在一张预约单中");
  return openItemRace(() =>
    db.transaction(async (tx) => {
      const out: { id: number; number: string | null }[] = [];
      for (const f of input.appointments) {
        const a = await insertDraft(tx, caller.actor, f, now);
        out.push(input.submit ? await submitInTx(tx, caller.actor, a.id, now) : { id: a.id, number: null });
      }
      return out;
    }),
  );
}

/** 提交 a draft. */
export async function submitAppointment(db: DB, caller: Caller, id: number, now = new Date()) {
  return db.transaction((tx) => submitInTx(tx, caller.actor, id, now));
}

/** 编辑 a draft: instruments (same institution and method), day, slot, contact, remark. */
export async function updateDraft(db: DB, caller: Caller, input: z.infer<typeof updateDraftInput>, now = new Date()) {
  const { actor } = caller;
  return openItemRace(() =>
    db.transaction(async (tx) => {
      const a = await lockOwnAppointment(tx, actor.orgId, input.id);
      appointmentTransition(a.state, "edit");
      const held = await tx.select({ instrumentId: appointmentItems.instrumentId }).from(appointmentItems).where(eq(appointmentItems.appointmentId, a.id));
      const heldIds = new Set(held.map((h) => h.instrumentId));
      const rows = await loadOwnInstruments(tx, actor.orgId, input.instrumentIds, true);
      assertAllBookable(rows.filter((r) => !heldIds.has(r.id)));
      assertSingleGroup(rows, a.institutionId, a.method);
      await checkDay(tx, a.institutionId, input.day, now);
      const slot = await slotByStart(tx, a.institutionId, input.slotStart);
      const siteAddress = await siteAddressFor(tx, actor, a.method, input.siteAddress);
      const keep = new Set(input.instrumentIds);
      const removed = [...heldIds].filter((i) => !keep.has(i));
      const added = input.instrumentIds.filter((i) => !heldIds.has(i));
      if (removed.length) {
        await tx.delete(appointmentItems).where(and(eq(appointmentItems.appointmentId, a.id), inArray(appointmentItems.instrumentId, removed)));
        await tx.update(instruments).set({ flowStatus: null }).where(and(inArray(instruments.id, removed), eq(instruments.flowStatus, "appointment")));
      }
      if (added.length) {
        await tx.insert(appointmentItems).values(added.map((instrumentId) => ({ appointmentId: a.id, instrumentId, enterpriseId: actor.orgId })));
        await tx.update(instruments).set({ flowStatus: "appointment" }).where(inArray(instruments.id, added));
      }
      const change = { day: input.day, slotId: slot.id, slotLabel: slot.label, slotStart: slot.startTime, slotEnd: slot.endTime, contactName: input.contactName, contactPhone: input.contactPhone, siteAddress, remark: input.remark };
      await tx
        .update(appointments)
        .set({ ...change, updatedAt: now, history: appendHistory(entry(actor, now, { action: "edited", day: input.day, slotLabel: slot.label })) })
        .where(eq(appointments.id, a.id));
      await writeAudit(tx, actor, {
        action: "appointment.update",
        entityType: "appointment",
        entityId: a.id,
        before: { day: a.day, slot: a.slotLabel, contactName: a.contactName, contactPhone: a.contactPhone, siteAddress: a.siteAddress, remark: a.remark, instrumentIds: [...heldIds] },
        after: { day: input.day, slot: slot.label, contactName: input.contactName, contactPhone: input.contactPhone, siteAddress, remark: input.remark, instrumentIds: input.instrumentIds },
      });
      return { id: a.id };
    }),
  );
}

/** 删除 a draft: its instruments are free again; nothing of it remains but the audit row. */
export async function deleteDraft(db: DB, caller: Caller, id: number) {
  const { actor } = caller;
  return db.transaction(async (tx) => {
    const a = await lockOwnAppointment(tx, actor.orgId, id);
    appointmentTransition(a.state, "delete");
    const items = await tx.delete(appointmentItems).where(eq(appointmentItems.appointmentId, a.id)).returning({ instrumentId: appointmentItems.instrumentId });
    const ids = items.map((i) => i.instrumentId);
    if (ids.length) await tx.update(instruments).set({ flowStatus: null }).where(and(inArray(instruments.id, ids), eq(instruments.flowStatus, "appointment")));
    await tx.delete(appointments).where(eq(appointments.id, a.id));
    await writeAudit(tx, actor, {
      action: "appointment.delete",
      entityType: "appointment",
      entityId: a.id,
      before: { state: a.state, institutionId: a.institutionId, method: a.method, day: a.day, slot: a.slotLabel, instrumentIds: ids },
    });
    return { id: a.id };
  });
}

/**
 * The enterprise cancels instruments not yet received (seed 004 4.3, R-APT-4): their places go back to the
 * slot, the instruments are free, and the appointment becomes 已取消 once nothing is left (settledState).
 */
export async function cancelItems(db: DB, caller: Caller, input: z.infer<typeof cancelItemsInput>, now = new Date()) {
  const { actor } = caller;
  return db.transaction(async (tx) => {
    const a = await lockOwnAppointment(tx, actor.orgId, input.appointmentId);
    appointmentTransition(a.state, "cancel");
    const chosen = await tx
      .select({ id: appointmentItems.id, state: appointmentItems.state, instrumentId: appointmentItems.instrumentId })
      .from(appointmentItems)
      .where(and(eq(appointmentItems.appointmentId, a.id), inArray(appointmentItems.id, input.itemIds)))
      .for("update");
    if (chosen.length !== new Set(input.itemIds).size) throw new AppError("NOT_FOUND");
    for (const it of chosen) itemTransition(it.state, "cancel");
    const ids = chosen.map((c) => c.id);
    const instrumentIds = chosen.map((c) => c.instrumentId);
    await tx.update(appointmentItems).set({ state: "cancelled", reason: input.reason, closedAt: now, updatedAt: now }).where(inArray(appointmentItems.id, ids));
    await tx.update(instruments).set({ flowStatus: null }).where(and(inArray(instruments.id, instrumentIds), eq(instruments.flowStatus, "appointment")));
    const holding = (SLOT_HOLDING_STATES as readonly AppointmentState[]).includes(a.state);
    if (holding) await adjustUsage(tx, { institutionId: a.institutionId, day: a.day, slotId: a.slotId, method: a.method }, -ids.length);
    const states = await tx.select({ state: appointmentItems.state }).from(appointmentItems).where(eq(appointmentItems.appointmentId, a.id));
    const next = settledState(a.state, states.map((s) => s.state));
    const instrumentCount = holding ? Math.max(0, a.instrumentCount - ids.length) : a.instrumentCount;
    await tx
      .update(appointments)
      .set({
        state: next,
        instrumentCount,
        updatedAt: now,
        history: appendHistory(entry(actor, now, { action: "item_cancelled", ...(next !== a.state ? { state: next } : {}), instrumentIds, ...(input.reason ? { text: input.reason } : {}) })),
      })
      .where(eq(appointments.id, a.id));
    await writeAudit(tx, actor, {
      action: "appointment.cancel_items",
      entityType: "appointment",
      entityId: a.id,
      before: { state: a.state, instrumentCount: a.instrumentCount },
      after: { state: next, instrumentCount, cancelledInstrumentIds: instrumentIds, reason: input.reason },
    });
    return { id: a.id, state: next, cancelled: ids.length };
  });
}
