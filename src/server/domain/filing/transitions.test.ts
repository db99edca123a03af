import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import {
  assertAssignedTo, assertAssignTarget, assertCanAssign, assertCanSubmit, assertReviewable,
  instrumentCode, type FileableInstrument, type FilingRecord,
} from "./transitions";

const ok: FileableInstrument = {
  status: "in_use", filingStatus: "none", flowStatus: null, supervision: "V", verifiedBefore: false,
  hasTypeEvaluationReport: false, lastReturnReason: null,
};
const code = (fn: () => void) => {
  try {
    fn();
    return "ok";
  } catch (e) {
    return e instanceof AppError ? e.appCode : String(e);
  }
};
const city = { orgId: 1, level: "city" as const, institutionKind: "legal" as const };
const county = { orgId: 2, level: "county" as const, institutionKind: "legal" as const };
const pending: FilingRecord = { state: "pending", institutionId: 1, assignedInstitutionId: null };

describe("filing transitions", () => {
  it("R-FIL-1 a new V instrument in use can be submitted", () => expect(code(() => assertCanSubmit(ok))).toBe("ok"));
  it("R-FIL-1 filing twice is refused (open or filed)", () => {
    expect(code(() => assertCanSubmit({ ...ok, filingStatus: "pending" }))).toBe("FILING_ALREADY_OPEN");
    expect(code(() => assertCanSubmit({ ...ok, filingStatus: "assigned" }))).toBe("FILING_ALREADY_OPEN");
    expect(code(() => assertCanSubmit({ ...ok, filingStatus: "filed" }))).toBe("FILING_ALREADY_FILED");
  });
  it("R-LED-2 stopped or scrapped instruments and instruments in another flow cannot be filed", () => {
    expect(code(() => assertCanSubmit({ ...ok, status: "stopped" }))).toBe("FILING_INSTRUMENT_INACTIVE");
    expect(code(() => assertCanSubmit({ ...ok, status: "scrapped" }))).toBe("FILING_INSTRUMENT_INACTIVE");
    expect(code(() => assertCanSubmit({ ...ok, flowStatus: "appointment" }))).toBe("FILING_IN_FLOW");
  });
  it("R-CAT-1 a P-only kind is refused", () => expect(code(() => assertCanSubmit({ ...ok, supervision: "P" }))).toBe("FILING_KIND_NOT_VERIFIABLE"));
  it("R-CAT-2 P+V needs the type-evaluation report", () => {
    expect(code(() => assertCanSubmit({ ...ok, supervision: "P+V" }))).toBe("FILING_TYPE_EVALUATION_MISSING");
    expect(code(() => assertCanSubmit({ ...ok, supervision: "P+V", hasTypeEvaluationReport: true }))).toBe("ok");
  });
  it("R-FIL-5 an instrument verified before does not need filing again", () =>
    expect(code(() => assertCanSubmit({ ...ok, verifiedBefore: true }))).toBe("FILING_NOT_NEEDED"));
  it("R-FIL-6 资料不完整 can be resubmitted, 不属于强检目录 only deleted", () => {
    expect(code(() => assertCanSubmit({ ...ok, filingStatus: "returned", lastReturnReason: "incomplete" }))).toBe("ok");
    expect(code(() => assertCanSubmit({ ...ok, filingStatus: "returned", lastReturnReason: "not_in_catalogue" }))).toBe("FILING_DELETE_ONLY");
    expect(code(() => assertCanSubmit({ ...ok, filingStatus: "returned", lastReturnReason: "other" }))).toBe("ok");
  });
  it("R-FIL-2 only the reviewing institution decides a pending filing; a decided one is refused", () => {
    expect(code(() => assertReviewable(pending, city))).toBe("ok");
    expect(code(() => assertReviewable(pending, county))).toBe("NOT_FOUND");
    expect(code(() => assertReviewable({ ...pending, state: "filed" }, city))).toBe("FILING_STATE_CHANGED");
  });
  it("R-FIL-2 a county institution cannot assign further", () => {
    expect(code(() => assertCanAssign(pending, city))).toBe("ok");
    expect(code(() => assertCanAssign({ ...pending, institutionId: 2 }, county))).toBe("FILING_ASSIGN_NOT_ALLOWED");
    expect(code(() => assertCanAssign(pending, { ...city, institutionKind: "authorised" }))).toBe("FILING_ASSIGN_NOT_ALLOWED");
  });
  it("R-FIL-2 assign only to a legal county institution below, in the instrument's county, with the capability", () => {
    const target = { id: 2, kind: "institution" as const, status: "approved", institutionKind: "legal" as const, level: "county" as const, cityCode: "4401", provinceCode: "44", countyCode: "440111" };
    expect(code(() => assertAssignTarget(target, "4401", "440111", true))).toBe("ok");
    expect(code(() => assertAssignTarget(target, "4401", "440111", false))).toBe("FILING_ASSIGN_NO_CAPABILITY");
    expect(code(() => assertAssignTarget(target, "4401", "440106", true))).toBe("FILING_ASSIGN_TARGET_INVALID");
    expect(code(() => assertAssignTarget({ ...target, cityCode: "4403" }, "4401", "440111", true))).toBe("FILING_ASSIGN_TARGET_INVALID");
    expect(code(() => assertAssignTarget({ ...target, level: "city" }, "4401", "440111", true))).toBe("FILING_ASSIGN_TARGET_INVALID");
  });
  it("R-FIL-3 only the assigned county institution confirms or declines, once", () => {
    const assigned: FilingRecord = { state: "assigned", institutionId: 1, assignedInstitutionId: 2 };
    expect(code(() => assertAssignedTo(assigned, county))).toBe("ok");
    expect(code(() => assertAssignedTo(assigned, city))).toBe("NOT_FOUND");
    expect(code(() => assertAssignedTo({ ...assigned, state: "filed" }, county))).toBe("FILING_STATE_CHANGED");
  });
  it("R-FIL-4 instrument code = county + YYYYMMDD + 4-digit sequence (18 digits)", () => {
    expect(instrumentCode("440111", "2026-11-23", 7)).toBe("440111202611230007");
    expect(instrumentCode("440111", "2026-11-23", 9999)).toHaveLength(18);
    expect(code(() => instrumentCode("440111", "2026-11-23", 10000))).toBe("FILING_CODE_EXHAUSTED");
  });
});

describe("R-APT-4 取消备案状态 returns an approved filing (R-FIL-6)", () => {
  it("R-APT-4 an approved filing goes back to 被退回 as a reviewer's return with the text", async () => {
    const { revokedFiling } = await import("./transitions");
    expect(revokedFiling({ state: "filed" }, "预约单 S1 被拒绝：原因")).toEqual({ state: "returned", returnReason: "other", returnText: "预约单 S1 被拒绝：原因" });
  });
  it("R-APT-4 a filing not approved (pending, assigned, returned) is not taken back", async () => {
    const { revokedFiling } = await import("./transitions");
    for (const state of ["pending", "assigned", "returned"] as const) expect(() => revokedFiling({ state }, "x")).toThrow(/状态已变化/);
  });
});
