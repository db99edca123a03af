import type { AppointmentItemState } from "@/lib/vocab";
import { AppError } from "@/server/errors";
import { itemTransition } from "@/server/domain/appointments/transitions";

export type ResultCheck = { itemState: AppointmentItemState; verifiedOn: string; validUntil: string | null; today: string };

/**
 * R-RES-1: a result only for an instrument received and without a result yet, verified today or earlier
 * (China day, R-TIME-1), valid through a day not before the verification day. Returns the item's next state.
 */
export function assertResultRecordable(c: ResultCheck): AppointmentItemState {
  if (c.itemState === "done") throw new AppError("RES_ALREADY_RECORDED");
  if (c.itemState === "booked") throw new AppError("RES_NOT_RECEIVED");
  const next = itemTransition(c.itemState, "result");
  if (c.verifiedOn > c.today) throw new AppError("RES_VERIFIED_IN_FUTURE");
  if (c.validUntil != null && c.validUntil < c.verifiedOn) throw new AppError("RES_VALID_BEFORE_VERIFIED");
  return next;
}
