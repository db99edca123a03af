import type { FilingState, FilingStatus, FlowStatus, InstrumentStatus, ReturnReason, Supervision } from "@/lib/vocab";
import { AppError } from "@/server/errors";

/**
 * The filing workflow (R-FIL-1…6, R-CAT-1/2, R-LED-2) as pure guards: each takes the state loaded inside the
 * write transaction and throws a typed AppError when the action is not allowed. Services call them again
 * after locking the rows, so a decision made on stale data never lands.
 */
export type { FilingState, ReturnReason };
export type InstrumentFilingStatus = FilingStatus;

export type FileableInstrument = {
  status: InstrumentStatus;
  filingStatus: InstrumentFilingStatus;
  flowStatus: FlowStatus | null;
  supervision: Supervision;
  /** Verified before (certificate or validity on record): later cycles book directly (R-FIL-5). */
  verifiedBefore: boolean;
  hasTypeEvaluationReport: boolean;
  /** Reason of the latest return, when filingStatus is "returned". */
  lastReturnReason: ReturnReason | null;
};

/** May this instrument be submitted (first submission, or resubmission after 资料不完整)? */
export function assertCanSubmit(i: FileableInstrument): void {
  if (i.filingStatus === "filed") throw new AppError("FILING_ALREADY_FILED");
  if (i.filingStatus === "pending" || i.filingStatus === "assigned") throw new AppError("FILING_ALREADY_OPEN");
  if (i.verifiedBefore) throw new AppError("FILING_NOT_NEEDED");
  if (i.filingStatus === "returned" && i.lastReturnReason === "not_in_catalogue") throw new AppError("FILING_DELETE_ONLY");
  if (i.status === "stopped" || i.status === "scrapped") throw new AppError("FILING_INSTRUMENT_INACTIVE");
  if (i.flowStatus) throw new AppError("FILING_IN_FLOW");
  if (i.supervision === "P") throw new AppError("FILING_KIND_NOT_VERIFIABLE");
  if (i.supervision === "P+V" && !i.hasTypeEvaluationReport) throw new AppError("FILING_TYPE_EVALUATION_MISSING");
}

export type FilingRecord = { state: FilingState; institutionId: number; assignedInstitutionId: number | null };
export type Caller = { orgId: number; level: "province" | "city" | "county" | null; institutionKind: "legal" | "authorised" | null };

/** The reviewing institution decides filings waiting for it (approve / assign / return, R-FIL-2). */
export function assertReviewable(f: FilingRecord, caller: Caller): void {
  if (f.institutionId !== caller.orgId) throw new AppError("NOT_FOUND");
  if (f.state !== "pending") throw new AppError("FILING_STATE_CHANGED");
}

/** Only a legal city (or province) institution hands work down to a county institution below it. */
export function assertCanAssign(f: FilingRecord, caller: Caller): void {
  assertReviewable(f, caller);
  if (caller.institutionKind !== "legal" || caller.level === "county") throw new AppError("FILING_ASSIGN_NOT_ALLOWED");
}

/** The county institution confirms or declines ("无能力") what was assigned to it (R-FIL-3). */
export function assertAssignedTo(f: FilingRecord, caller: Caller): void {
  if (f.assignedInstitutionId !== caller.orgId) throw new AppError("NOT_FOUND");
  if (f.state !== "assigned") throw new AppError("FILING_STATE_CHANGED");
}

export type AssignTarget = {
  id: number;
  kind: "enterprise" | "institution" | "regulator" | "platform";
  status: string;
  institutionKind: "legal" | "authorised" | null;
  level: "province" | "city" | "county" | null;
  cityCode: string | null;
  provinceCode: string | null;
  countyCode: string | null;
};

/** The target must be an approved legal county institution inside the caller's jurisdiction, for the instrument's county. */
export function assertAssignTarget(target: AssignTarget, callerRegion: string, instrumentCounty: string, hasCapability: boolean): void {
  const below =
    target.kind === "institution" &&
    target.status === "approved" &&
    target.institutionKind === "legal" &&
    target.level === "county" &&
    (target.cityCode === callerRegion || target.provinceCode === callerRegion);
  if (!below || target.countyCode !== instrumentCounty) throw new AppError("FILING_ASSIGN_TARGET_INVALID");
  if (!hasCapability) throw new AppError("FILING_ASSIGN_NO_CAPABILITY");
}

/** R-FIL-4: 6-digit county + YYYYMMDD + 4-digit sequence within that county and day. */
export function instrumentCode(countyCode: string, day: string, seq: number): string {
  if (!/^\d{6}$/.test(countyCode)) throw new Error(`bad county code ${countyCode}`);
  if (seq < 1 || seq > 9999) throw new AppError("FILING_CODE_EXHAUSTED");
  return `${countyCode}${day.replace(/-/g, "")}${String(seq).padStart(4, "0")}`;
}

/**
 * R-APT-4 取消备案状态: rejecting an appointment may return its instruments' filings to 被退回 (R-FIL-6). Only
 * an approved filing can be taken back this way; the return reads like a reviewer's return ("other" + text).
 */
export function revokedFiling(f: { state: FilingState }, text: string): { state: "returned"; returnReason: ReturnReason; returnText: string } {
  if (f.state !== "filed") throw new AppError("FILING_STATE_CHANGED");
  return { state: "returned", returnReason: "other", returnText: text };
}
