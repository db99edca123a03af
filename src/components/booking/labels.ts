import type { AppointmentState } from "@/lib/vocab";

export { APPOINTMENT_STATE_LABEL, APPOINTMENT_ITEM_STATE_LABEL, METHOD_LABEL } from "@/lib/vocab";

/** Badge colour per appointment state (R-APT-4). */
export const STATE_BADGE: Record<AppointmentState, "default" | "secondary" | "destructive" | "outline" | "warning" | "success"> = {
  draft: "outline",
  submitted: "secondary",
  confirmed: "success",
  rescheduled: "warning",
  rejected: "destructive",
  received: "default",
  completed: "success",
  cancelled: "outline",
};

const WEEKDAY = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
/** "2026-12-08（周二）" from the day string itself (no time zone involved). */
export const dayLabel = (day: string) => `${day}（${WEEKDAY[new Date(`${day}T00:00:00Z`).getUTCDay()]}）`;

/** States in which the enterprise may still cancel instruments not yet received (R-APT-4). */
export const CANCELLABLE_STATES: readonly AppointmentState[] = ["submitted", "confirmed", "rescheduled"];
