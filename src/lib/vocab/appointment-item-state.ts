import { z } from "zod";

/**
 * 预约单中一台器具的状态: 待接收 (booked) → 已接收 (received) → 已出结果 (done); or 已取消 (cancelled by the
 * enterprise before reception, or with the whole appointment when it is rejected) or 已退单 (returned at
 * reception, R-APT-6). The codes and their Chinese words, declared once.
 */
export const APPOINTMENT_ITEM_STATES = ["booked", "received", "done", "cancelled", "returned"] as const;
export type AppointmentItemState = (typeof APPOINTMENT_ITEM_STATES)[number];
export const appointmentItemStateSchema = z.enum(APPOINTMENT_ITEM_STATES);
export const APPOINTMENT_ITEM_STATE_LABEL = {
  booked: "待接收",
  received: "已接收",
  done: "已出结果",
  cancelled: "已取消",
  returned: "已退单",
} as const satisfies Record<AppointmentItemState, string>;

/** Item states that keep the instrument in this appointment (the partial unique index on instrument_id). */
export const OPEN_ITEM_STATES = ["booked", "received"] as const satisfies readonly AppointmentItemState[];
