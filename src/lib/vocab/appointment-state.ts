import { z } from "zod";

/**
 * 预约单状态 (R-APT-4): 待提交 (draft: edit, delete) → 已提交 → 已确认 / 已改期 / 被拒绝 → 已接收 → 已完检.
 * `cancelled` is a submitted appointment whose every instrument the enterprise cancelled before reception.
 * The codes (pgEnum, zod, type) and their Chinese words, declared once.
 */
export const APPOINTMENT_STATES = ["draft", "submitted", "confirmed", "rescheduled", "rejected", "received", "completed", "cancelled"] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];
export const appointmentStateSchema = z.enum(APPOINTMENT_STATES);
export const APPOINTMENT_STATE_LABEL = {
  draft: "待提交",
  submitted: "已提交",
  confirmed: "已确认",
  rescheduled: "已改期",
  rejected: "被拒绝",
  received: "已接收",
  completed: "已完检",
  cancelled: "已取消",
} as const satisfies Record<AppointmentState, string>;

/** States in which the appointment still holds its instruments (R-APT-1: at most one open appointment). */
export const OPEN_APPOINTMENT_STATES = ["draft", "submitted", "confirmed", "rescheduled", "received"] as const satisfies readonly AppointmentState[];
/** States in which the appointment holds places in its slot (drafts do not; R-APT-5). */
export const SLOT_HOLDING_STATES = ["submitted", "confirmed", "rescheduled", "received"] as const satisfies readonly AppointmentState[];
