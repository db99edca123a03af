import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { assertResultRecordable } from "./record";

const code = (f: () => unknown) => {
  try {
    f();
    return "ok";
  } catch (e) {
    return e instanceof AppError ? e.appCode : String(e);
  }
};
const ok = { itemState: "received" as const, verifiedOn: "2026-12-01", validUntil: "2027-11-30", today: "2026-12-01" };

describe("assertResultRecordable (R-RES-1)", () => {
  it("R-RES-1 a received instrument gets its result and becomes done", () => {
    expect(assertResultRecordable(ok)).toBe("done");
    expect(assertResultRecordable({ ...ok, validUntil: null })).toBe("done");
    expect(assertResultRecordable({ ...ok, validUntil: "2026-12-01" })).toBe("done");
  });
  it("R-RES-1 no result for an instrument not received, already with a result, returned or cancelled", () => {
    expect(code(() => assertResultRecordable({ ...ok, itemState: "booked" }))).toBe("RES_NOT_RECEIVED");
    expect(code(() => assertResultRecordable({ ...ok, itemState: "done" }))).toBe("RES_ALREADY_RECORDED");
    expect(code(() => assertResultRecordable({ ...ok, itemState: "returned" }))).toBe("APT_ITEM_STATE_CHANGED");
    expect(code(() => assertResultRecordable({ ...ok, itemState: "cancelled" }))).toBe("APT_ITEM_STATE_CHANGED");
  });
  it("R-RES-1 validUntil before the verification date is refused", () => {
    expect(code(() => assertResultRecordable({ ...ok, validUntil: "2026-11-30" }))).toBe("RES_VALID_BEFORE_VERIFIED");
  });
  it("R-TIME-1 the verification date is a China day not after today", () => {
    expect(code(() => assertResultRecordable({ ...ok, verifiedOn: "2026-12-02", validUntil: null }))).toBe("RES_VERIFIED_IN_FUTURE");
  });
});
