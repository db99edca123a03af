import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { AppointmentHistoryEntry } from "@/server/db/schema";
import type { Queryable } from "@/server/db/open";
import { appointments, appointmentSlots, institutionClosedDays, instruments, organisations } from "@/server/db/schema";
import { assertBookableDay } from "@/server/domain/appointments/calendar";
import { assertBookable, type BookableInstrument } from "@/server/domain/appointments/transitions";
import { AppError, notFound } from "@/server/errors";
import { loadPlatformCalendar } from "./holidays";
import { ensureSlotRows } from "./settings";

/** The columns the booking rules (R-APT-1/2) need, plus what names an instrument in a message. */
const bookingColumns = {
  id: instruments.id,
  name: instruments.name,
  serialNo: instruments.serialNo,
  status: instruments.status,
  filingStatus: instruments.filingStatus,
  flowStatus: instruments.flowStatus,
  certificateNo: instruments.certificateNo,
  validUntil: instruments.validUntil,
  institutionId: instruments.institutionId,
  method: instruments.method,
};
export type BookingRow = Awaited<ReturnType<typeof loadOwnInstruments>>[number];

/**
 * The enterprise's own instruments by id, locked FOR UPDATE (in id order, so two bookings never deadlock) when
 * `lock`. One that is not the caller's is simply not found (R-SCOPE-4).
 */
export async function loadOwnInstruments(tx: Queryable, enterpriseId: number, ids: number[], lock: boolean) {
  const q = tx
    .select(bookingColumns)
    .from(instruments)
    .where(and(eq(instruments.enterpriseId, enterpriseId), inArray(instruments.id, ids)))
    .orderBy(asc(instruments.id));
  const rows = lock ? await q.for("update") : await q;
  if (rows.length !== new Set(ids).size) throw notFound();
  return rows;
}

export const bookable = (r: BookingRow, heldByThisAppointment = false): BookableInstrument => ({
  status: r.status,
  filingStatus: r.filingStatus,
  // A draft holds its instruments (flowStatus "appointment"); at submit they are this appointment's own.
  flowStatus: heldByThisAppointment && r.flowStatus === "appointment" ? null : r.flowStatus,
  verifiedBefore: r.certificateNo !== null || r.validUntil !== null,
  institutionId: r.institutionId,
});

/** Runs a rule for one instrument and names it in the refusal, so a list of 500 says which one is wrong. */
export function forInstrument<T>(r: { name: string; serialNo: string }, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof AppError && err.appCode !== "NOT_FOUND") throw new AppError(err.appCode, `${r.name}（出厂编号 ${r.serialNo}）：${err.message}`);
    throw err;
  }
}

export function assertAllBookable(rows: BookingRow[], heldBy = false) {
  for (const r of rows) forInstrument(r, () => assertBookable(bookable(r, heldBy)));
}

/** R-APT-5 against the platform calendar and the institution's closed days, read in the caller's transaction. */
export async function checkDay(tx: Queryable, institutionId: number, day: string, now: Date) {
  const [calendar, closed] = await Promise.all([
    loadPlatformCalendar(tx, day, day),
    tx
      .select({ day: institutionClosedDays.day })
      .from(institutionClosedDays)
      .where(and(eq(institutionClosedDays.institutionId, institutionId), eq(institutionClosedDays.day, day))),
  ]);
  assertBookableDay(day, { calendar, closedDays: new Set(closed.map((c) => c.day)), now });
}

/** The offered slot starting at `slotStart` (rows materialised from the defaults on first booking). */
export async function slotByStart(tx: Queryable, institutionId: number, slotStart: string) {
  const slots = await ensureSlotRows(tx, institutionId);
  const slot = slots.find((s) => s.startTime === slotStart);
  if (!slot) throw new AppError("APT_SLOT_UNKNOWN");
  return slot;
}

/** The slot an appointment was booked in, if the institution still offers it. */
export async function liveSlot(tx: Queryable, institutionId: number, slotId: number) {
  const [slot] = await tx
    .select()
    .from(appointmentSlots)
    .where(and(eq(appointmentSlots.id, slotId), eq(appointmentSlots.institutionId, institutionId), isNull(appointmentSlots.retiredAt)));
  if (!slot) throw new AppError("APT_SLOT_UNKNOWN");
  return slot;
}

export const capacityOf = (slot: { capacitySendIn: number; capacityOnSite: number }, method: "send_in" | "on_site") =>
  method === "send_in" ? slot.capacitySendIn : slot.capacityOnSite;

/** The caller's own appointment, locked; another enterprise's is not found. */
export async function lockOwnAppointment(tx: Queryable, enterpriseId: number, id: number) {
  const [a] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.enterpriseId, enterpriseId)))
    .for("update");
  if (!a) throw notFound();
  return a;
}

/** Appends one timeline entry in the same UPDATE. */
export const appendHistory = (entry: AppointmentHistoryEntry) => sql`${appointments.history} || ${JSON.stringify([entry])}::jsonb`;

export async function orgAddress(tx: Queryable, orgId: number) {
  const [o] = await tx.select({ address: organisations.address }).from(organisations).where(eq(organisations.id, orgId));
  return o?.address ?? null;
}
