import { AppError } from "@/server/errors";

/**
 * 修改预约时间 (R-APT-4, R-APT-5), decided by the institution. The places the appointment holds move with it:
 * from the old day and slot to the new one. The institution sets its own capacities, so it may knowingly put
 * more instruments into a slot than the capacity says — but only when it says so explicitly
 * (`allowOverCapacity`); otherwise a slot without room is refused like a booking would be.
 */
export type ReschedulePlan = {
  from: { day: string; slotId: number };
  to: { day: string; slotId: number };
  /** Places the appointment holds (its open instruments). */
  places: number;
  /** Places already used in the new slot (from slot_usage, read under lock). */
  usedInTarget: number;
  /** The new slot's capacity for the appointment's method. */
  capacity: number;
  allowOverCapacity: boolean;
};

/** Checks the move; returns whether the new slot ends above its capacity (recorded in the audit row). */
export function assertReschedule(p: ReschedulePlan): { overCapacity: boolean } {
  if (p.from.day === p.to.day && p.from.slotId === p.to.slotId) throw new AppError("APT_RESCHEDULE_SAME_TIME");
  const overCapacity = p.usedInTarget + p.places > p.capacity;
  if (overCapacity && !p.allowOverCapacity) {
    throw new AppError("APT_RESCHEDULE_SLOT_FULL", `新时段剩余 ${Math.max(0, p.capacity - p.usedInTarget)} 台（件），不足本预约单的 ${p.places} 台（件）；如确需超出容量，请勾选“超出容量仍改约”`);
  }
  return { overCapacity };
}
