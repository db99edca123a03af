import type { AppointmentItemState, AppointmentState, FilingStatus, FlowStatus, InstrumentStatus, Method } from "@/lib/vocab";
import { compactDay } from "@/lib/china-day";
import { AppError } from "@/server/errors";

/**
 * The appointment workflow (R-APT-1…6, R-RES-5) as pure guards. Services load the rows inside the write
 * transaction with FOR UPDATE, call these again, and only then write — a decision made on stale data never
 * lands (APT_STATE_CHANGED / APT_ITEM_STATE_CHANGED).
 */

export type BookableInstrument = {
  status: InstrumentStatus;
  filingStatus: FilingStatus;
  flowStatus: FlowStatus | null;
  /** Had a certificate before (certificate number or validity on record): later cycles book directly (R-FIL-5). */
  verifiedBefore: boolean;
  institutionId: number | null;
};

/** R-APT-1: filed (or verified before), in use or new, not in a filing or another open appointment. */
export function assertBookable(i: BookableInstrument): void {
  if (i.flowStatus === "appointment") throw new AppError("APT_ALREADY_BOOKED");
  if (i.flowStatus === "filing") throw new AppError("APT_IN_FILING");
  if (i.status === "stopped" || i.status === "scrapped") throw new AppError("APT_INSTRUMENT_INACTIVE");
  if (i.filingStatus !== "filed" && !i.verifiedBefore) throw new AppError("APT_NOT_FILED");
  if (i.institutionId == null) throw new AppError("APT_NO_INSTITUTION");
}

export type BookingGroup<T> = { institutionId: number; method: Method; instruments: T[] };

/**
 * R-APT-2: one appointment = one institution + one method. Splits the chosen instruments into groups, in the
 * order the instruments came, so the page can say "将生成 N 张预约单".
 */
export function splitByInstitutionAndMethod<T extends { institutionId: number | null; method: Method }>(items: T[]): BookingGroup<T>[] {
  const groups = new Map<string, BookingGroup<T>>();
  for (const item of items) {
    if (item.institutionId == null) throw new AppError("APT_NO_INSTITUTION");
    const key = `${item.institutionId}:${item.method}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { institutionId: item.institutionId, method: item.method, instruments: [] }));
    g.instruments.push(item);
  }
  return [...groups.values()];
}

/** R-APT-2 for one appointment: every instrument belongs to its institution and method. */
export function assertSingleGroup(items: { institutionId: number | null; method: Method }[], institutionId: number, method: Method): void {
  for (const i of items) if (i.institutionId !== institutionId || i.method !== method) throw new AppError("APT_MIXED");
}

/** R-APT-3: `S` (send-in) or `X` (on-site) + YYYYMMDD (China day of submission) + 6-digit sequence. */
export function appointmentNumber(method: Method, day: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new Error(`appointmentNumber: sequence ${seq} out of range`);
  return `${methodLetter(method)}${compactDay(day)}${String(seq).padStart(6, "0")}`;
}

export function methodLetter(method: Method): "S" | "X" {
  return method === "send_in" ? "S" : "X";
}

export type AppointmentAction = "edit" | "delete" | "submit" | "confirm" | "reschedule" | "reject" | "receive" | "complete" | "cancel";

const FROM: Record<AppointmentAction, readonly AppointmentState[]> = {
  edit: ["draft"],
  delete: ["draft"],
  submit: ["draft"],
  confirm: ["submitted"],
  // The institution may move the time again after confirming, until the instruments arrive.
  reschedule: ["submitted", "confirmed", "rescheduled"],
  reject: ["submitted", "confirmed", "rescheduled"],
  // Reception needs the institution's confirmation (or a new time it set); further items keep it 已接收.
  receive: ["confirmed", "rescheduled", "received"],
  complete: ["received"],
  // The whole appointment ends as 已取消 when the enterprise cancels its last instrument before reception.
  cancel: ["submitted", "confirmed", "rescheduled"],
};

const TO: Record<AppointmentAction, AppointmentState | null> = {
  edit: null,
  delete: null,
  submit: "submitted",
  confirm: "confirmed",
  reschedule: "rescheduled",
  reject: "rejected",
  receive: "received",
  complete: "completed",
  cancel: "cancelled",
};

/** R-APT-4: the state after `action`, or APT_STATE_CHANGED when the appointment is not in a state that allows it. */
export function appointmentTransition(state: AppointmentState, action: AppointmentAction): AppointmentState {
  if (!FROM[action].includes(state)) throw new AppError("APT_STATE_CHANGED");
  return TO[action] ?? state;
}

export type ItemAction = "receive" | "return" | "cancel" | "result";

const ITEM_FROM: Record<ItemAction, readonly AppointmentItemState[]> = {
  receive: ["booked"],
  // 退单 at the front desk: before or right after it was registered, never once it has a result.
  return: ["booked", "received"],
  cancel: ["booked"],
  result: ["received"],
};
const ITEM_TO: Record<ItemAction, AppointmentItemState> = { receive: "received", return: "returned", cancel: "cancelled", result: "done" };

/** One instrument's step inside its appointment (R-APT-4 cancel, R-APT-6, R-RES-1). */
export function itemTransition(state: AppointmentItemState, action: ItemAction): AppointmentItemState {
  if (!ITEM_FROM[action].includes(state)) throw new AppError("APT_ITEM_STATE_CHANGED");
  return ITEM_TO[action];
}

/**
 * R-RES-5 / R-APT-4: what the appointment becomes once its items are as given — `completed` when every
 * instrument has a result or was returned or cancelled (and at least one got that far), `cancelled` when the
 * enterprise cancelled them all before reception, otherwise unchanged.
 */
export function settledState(current: AppointmentState, items: AppointmentItemState[]): AppointmentState {
  if (items.length === 0) return current;
  if (items.every((s) => s === "cancelled")) return current === "draft" ? current : "cancelled";
  const settled = items.every((s) => s === "done" || s === "returned" || s === "cancelled");
  if (settled && (current === "received" || current === "confirmed" || current === "rescheduled")) return "completed";
  return current;
}
