import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { InstitutionCaller } from "@/server/authz/caller";
import type { Tx } from "@/server/db/open";
import { appointmentItems, appointments, slotUsage, type AppointmentHistoryEntry } from "@/server/db/schema";
import { settledState } from "@/server/domain/appointments/transitions";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/services/audit";

export type InstitutionActor = Pick<InstitutionCaller, "org" | "actor">;

/**
 * The caller's own appointment, locked for the step (FOR UPDATE): concurrent steps on one appointment queue
 * here and each re-checks what the one before it left. Another institution's appointment, or a draft, is
 * NOT_FOUND (R-SCOPE-4).
 */
export async function lockOwnAppointment(tx: Tx, caller: InstitutionActor, appointmentId: number) {
  const [a] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.institutionId, caller.org.id), sql`${appointments.state} <> 'draft'`))
    .for("update");
  if (!a) throw new AppError("NOT_FOUND");
  return a;
}
export type LockedAppointment = Awaited<ReturnType<typeof lockOwnAppointment>>;

/** The named items of the locked appointment, locked too; an id that is not one of them is NOT_FOUND. */
export async function lockItems(tx: Tx, appointmentId: number, itemIds: number[]) {
  const unique = [...new Set(itemIds)];
  const rows = await tx
    .select()
    .from(appointmentItems)
    .where(and(eq(appointmentItems.appointmentId, appointmentId), inArray(appointmentItems.id, unique)))
    .orderBy(appointmentItems.id)
    .for("update");
  if (rows.length !== unique.length) throw new AppError("NOT_FOUND");
  return rows;
}

export const historyEntry = (caller: InstitutionActor, action: string, extra: Partial<AppointmentHistoryEntry> = {}): AppointmentHistoryEntry => ({
  at: new Date().toISOString(),
  action,
  byOrgId: caller.org.id,
  byUserId: caller.actor.userId,
  ...extra,
});

/**
 * Items that left the open states (退单, result) no longer hold places in the slot: the appointment's count and
 * the slot's usage go down by as many (R-APT-5), as the seed leaves a completed appointment at zero.
 */
export async function releasePlaces(tx: Tx, a: LockedAppointment, n: number) {
  if (n <= 0) return;
  await tx
    .update(appointments)
    .set({ instrumentCount: sql`greatest(${appointments.instrumentCount} - ${n}, 0)` })
    .where(eq(appointments.id, a.id));
  await tx
    .update(slotUsage)
    .set({ used: sql`greatest(${slotUsage.used} - ${n}, 0)` })
    .where(and(eq(slotUsage.institutionId, a.institutionId), eq(slotUsage.day, a.day), eq(slotUsage.slotId, a.slotId), eq(slotUsage.method, a.method)));
}

/**
 * R-RES-5: after items changed, the appointment completes when every instrument has a result or was returned
 * or cancelled (settledState), with its timeline entry and audit row. Returns the state it is left in.
 */
export async function settleAppointment(tx: Tx, caller: InstitutionActor, a: LockedAppointment, stateNow: LockedAppointment["state"]) {
  const items = await tx.select({ state: appointmentItems.state }).from(appointmentItems).where(eq(appointmentItems.appointmentId, a.id));
  const next = settledState(stateNow, items.map((i) => i.state));
  if (next === stateNow) return stateNow;
  const e = historyEntry(caller, next, { state: next });
  await tx
    .update(appointments)
    .set({ state: next, completedAt: next === "completed" ? new Date() : a.completedAt, history: sql`${appointments.history} || ${JSON.stringify([e])}::jsonb`, updatedAt: new Date() })
    .where(eq(appointments.id, a.id));
  await writeAudit(tx, caller.actor, { action: `appointment.${next === "completed" ? "complete" : next}`, entityType: "appointment", entityId: a.id, before: { state: stateNow }, after: { state: next } });
  return next;
}
