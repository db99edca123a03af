import { describe, expect, it } from "vitest";
import { assertDownloadable, assertFeeEditable, assertFeePayable, assertRevocable, downloadBlock, feeState } from "./access";

describe("R-RES-4 fees gate the enterprise's download", () => {
  const unpaid = { feeCents: 8000, feePaidAt: null, feeNote: "维修费" };
  it("R-RES-4 an unpaid fee blocks the enterprise and says why, with the amount in 元", () => {
    expect(downloadBlock("enterprise", unpaid)).toBe("待缴费：需缴纳费用 80.00 元（维修费），检定机构确认缴费后方可下载证书");
    expect(() => assertDownloadable("enterprise", "GZJL2026000003", unpaid)).toThrow(/GZJL2026000003：待缴费/);
  });
  it("R-RES-4 a paid fee, no fee, or the institution itself: no block", () => {
    expect(downloadBlock("enterprise", { ...unpaid, feePaidAt: "2026-12-01T00:00:00Z" })).toBeNull();
    expect(downloadBlock("enterprise", { feeCents: null, feePaidAt: null })).toBeNull();
    expect(downloadBlock("enterprise", { feeCents: 0, feePaidAt: null })).toBeNull();
    expect(downloadBlock("institution", unpaid)).toBeNull();
  });
  it("R-RES-4 fee states: editable until paid; payable only when due and unpaid", () => {
    expect(feeState(unpaid)).toBe("unpaid");
    expect(() => assertFeeEditable("paid")).toThrow();
    expect(() => assertFeeEditable("unpaid")).not.toThrow();
    expect(() => assertFeePayable("none")).toThrow();
    expect(() => assertFeePayable("paid")).toThrow();
    expect(() => assertFeePayable("unpaid")).not.toThrow();
  });
});

describe("R-RES-2 re-issue revokes a live document only", () => {
  it("R-RES-2 issued can be revoked; revoked cannot again", () => {
    expect(() => assertRevocable("issued")).not.toThrow();
    expect(() => assertRevocable("revoked")).toThrow();
  });
});
