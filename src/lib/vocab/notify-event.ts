import { z } from "zod";

/**
 * 通知事项 (issue 13 #3, SPEC §9): every kind of event that notifies users, its Chinese name (preferences page,
 * message list) and the channels it uses unless a user chooses otherwise (issue 13 #5). In-app messages are
 * always on; SMS by default only at the key workflow nodes seed 000 promises it for.
 */
export const NOTIFY_EVENTS = [
  "registration_reviewed",
  "filing_approved",
  "filing_assigned",
  "filing_returned",
  "appointment_confirmed",
  "appointment_rescheduled",
  "appointment_rejected",
  "appointment_received",
  "appointment_withdrawn",
  "result_issued",
  "certificate_issued",
  "fee_due",
  "task_assigned",
  "expiry_due",
  "expiry_overdue",
  "overdue_digest",
] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];
export const notifyEventSchema = z.enum(NOTIFY_EVENTS);

export const NOTIFY_EVENT_LABEL = {
  registration_reviewed: "注册审核结果",
  filing_approved: "备案通过",
  filing_assigned: "备案分派",
  filing_returned: "备案退回",
  appointment_confirmed: "预约确认",
  appointment_rescheduled: "预约改期",
  appointment_rejected: "预约被拒绝",
  appointment_received: "器具已接收",
  appointment_withdrawn: "退单",
  result_issued: "检定结果出具",
  certificate_issued: "检定证书出具",
  fee_due: "待缴费用",
  task_assigned: "监管部门下达任务",
  expiry_due: "有效期即将到期（30 天）",
  expiry_overdue: "有效期已过（超期未检）",
  overdue_digest: "辖区超期未检日报",
} as const satisfies Record<NotifyEvent, string>;

/** The channels a user may switch per event (in-app is always on and not a choice). */
export const OPTIONAL_CHANNELS = ["email", "sms"] as const;
export type OptionalChannel = (typeof OPTIONAL_CHANNELS)[number];

const KEY_NODES: readonly NotifyEvent[] = [
  "registration_reviewed",
  "appointment_confirmed",
  "appointment_rescheduled",
  "appointment_rejected",
  "appointment_withdrawn",
  "certificate_issued",
  "expiry_due",
  "expiry_overdue",
];

/** Default channels of an event: e-mail for every event; SMS at the key nodes. */
export function defaultChannels(event: NotifyEvent): Record<OptionalChannel, boolean> {
  return { email: true, sms: KEY_NODES.includes(event) };
}
