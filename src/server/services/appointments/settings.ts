import "server-only";
import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { chinaToday } from "@/lib/china-day";
import { DEFAULT_SLOTS, type closedDayIdInput, type closedDayInput, type saveSlotsInput, type SlotInput } from "@/lib/schemas/appointments";
import type { InstitutionCaller } from "@/server/authz/caller";
import type { DB, Queryable } from "@/server/db/open";
import { appointmentSlots, institutionClosedDays, organisations } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { writeAudit } from "@/server/services/audit";
import { yearsWithData } from "./holidays";

type Caller = Pick<InstitutionCaller, "org" | "actor">;
const slotColumns = {
  id: appointmentSlots.id,
  label: appointmentSlots.label,
  startTime: appointmentSlots.startTime,
  endTime: appointmentSlots.endTime,
  capacitySendIn: appointmentSlots.capacitySendIn,
  capacityOnSite: appointmentSlots.capacityOnSite,
};

/**
 * An institution's slots by start time. One that never saved its own gets the defaults (issue 10:
 * 上午 08:30–12:00, 下午 14:00–17:30), so a newly approved institution can take appointments at once.
 */
export async function slotsOf(db: Queryable, institutionId: number): Promise<{ slots: (SlotInput & { id: number | null })[]; isDefault: boolean }> {
  const rows = await activeSlotRows(db, institutionId);
  return rows.length > 0 ? { slots: rows, isDefault: false } : { slots: DEFAULT_SLOTS.map((s) => ({ ...s, id: null })), isDefault: true };
}

const activeSlotRows = (db: Queryable, institutionId: number) =>
  db
    .select(slotColumns)
    .from(appointmentSlots)
    .where(and(eq(appointmentSlots.institutionId, institutionId), isNull(appointmentSlots.retiredAt)))
    .orderBy(asc(appointmentSlots.startTime));

/**
 * The institution's offered slots as rows with ids, writing the defaults as its own rows first when it never
 * saved any — booking needs a slot id to count places against (slot_usage). Call inside the booking
 * transaction; concurrent first bookings serialise on the organisation row.
 */
export async function ensureSlotRows(tx: Queryable, institutionId: number) {
  const rows = await activeSlotRows(tx, institutionId);
  if (rows.length > 0) return rows;
  await lockInstitution(tx, institutionId);
  const again = await activeSlotRows(tx, institutionId);
  if (again.length > 0) return again;
  await tx.insert(appointmentSlots).values(DEFAULT_SLOTS.map((s) => ({ ...s, institutionId })));
  return activeSlotRows(tx, institutionId);
}

/** 预约设置 of the caller's own institution: slots, closed days from today on, and calendar years without data. */
export async function appointmentSettings(db: Queryable, caller: Pick<InstitutionCaller, "org">, now = new Date()) {
  const today = chinaToday(now);
  const institutionId = caller.org.id;
  const { slots, isDefault } = await slotsOf(db, institutionId);
  const closedDays = await db
    .select({ id: institutionClosedDays.id, day: institutionClosedDays.day, reason: institutionClosedDays.reason })
    .from(institutionClosedDays)
    .where(and(eq(institutionClosedDays.institutionId, institutionId), gte(institutionClosedDays.day, today)))
    .orderBy(asc(institutionClosedDays.day));
  const year = Number(today.slice(0, 4));
  const have = await yearsWithData(db, [year, year + 1]);
  return { institutionId, today, slots, isDefault, closedDays, yearsWithoutData: [year, year + 1].filter((y) => !have.has(y)) };
}

const withoutId = ({ id: _id, ...s }: SlotInput & { id: number | null }) => s;

/** Serialises writers of one institution's settings on its organisation row. */
async function lockInstitution(tx: Queryable, institutionId: number) {
  const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, institutionId)).for("update");
  if (!org) throw notFound();
}

/** Replaces the day's slots as a whole (the schema has refused overlaps, end before start and capacity < 1). */
export async function saveSlots(db: DB, caller: Caller, input: z.infer<typeof saveSlotsInput>) {
  const institutionId = caller.org.id;
  return db.transaction(async (tx) => {
    await lockInstitution(tx, institutionId);
    const before = await slotsOf(tx, institutionId);
    // Same name = same slot: it keeps its id (and the appointments booked in it); a slot left out is retired.
    const existing = new Map(before.slots.flatMap((s) => (s.id == null ? [] : [[s.label, s.id] as const])));
    for (const s of input.slots) {
      const id = existing.get(s.label);
      if (id == null) await tx.insert(appointmentSlots).values({ ...s, institutionId });
      else await tx.update(appointmentSlots).set(s).where(eq(appointmentSlots.id, id));
    }
    const kept = new Set(input.slots.map((s) => s.label));
    const retired = [...existing].filter(([label]) => !kept.has(label)).map(([, id]) => id);
    if (retired.length) await tx.update(appointmentSlots).set({ retiredAt: new Date() }).where(inArray(appointmentSlots.id, retired));
    const after = [...input.slots].sort((a, b) => a.startTime.localeCompare(b.startTime));
    await writeAudit(tx, caller.actor, {
      action: "appointment_settings.save_slots",
      entityType: "organisation",
      entityId: institutionId,
      before: before.isDefault ? { default: true, slots: before.slots.map(withoutId) } : { slots: before.slots.map(withoutId) },
      after: { slots: after },
    });
    return { slots: after };
  });
}

/** The institution stops taking appointments on a day of its own (today or later), with a reason. */
export async function addClosedDay(db: DB, caller: Caller, input: z.infer<typeof closedDayInput>, now = new Date()) {
  if (input.day < chinaToday(now)) throw new AppError("CLOSED_DAY_PAST");
  const institutionId = caller.org.id;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(institutionClosedDays).values({ institutionId, day: input.day, reason: input.reason }).onConflictDoNothing().returning();
    if (!row) throw new AppError("CLOSED_DAY_TAKEN");
    await writeAudit(tx, caller.actor, { action: "appointment_settings.close_day", entityType: "institution_closed_day", entityId: row.id, after: { day: row.day, reason: row.reason } });
    return { id: row.id, day: row.day, reason: row.reason };
  });
}

/** Only the caller's own closed days: another institution's id is simply not found (R-SCOPE-4). */
export async function removeClosedDay(db: DB, caller: Caller, input: z.infer<typeof closedDayIdInput>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(institutionClosedDays)
      .where(and(eq(institutionClosedDays.id, input.id), eq(institutionClosedDays.institutionId, caller.org.id)))
      .returning();
    if (!row) throw notFound();
    await writeAudit(tx, caller.actor, { action: "appointment_settings.reopen_day", entityType: "institution_closed_day", entityId: row.id, before: { day: row.day, reason: row.reason } });
    return { id: row.id };
  });
}
