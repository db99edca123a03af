import { describe, expect, it } from "vitest";
import { bucketRange, warningOf } from "./warning";

describe("colour warnings (R-LED-4)", () => {
  const today = "2026-11-23";
  it("R-LED-4 no colour without a validity date or beyond 30 days", () => {
    expect(warningOf(null, today)).toBeNull();
    expect(warningOf("2026-12-24", today)).toBeNull();
  });
  it("R-LED-4 yellow from today up to and including the 30th day", () => {
    expect(warningOf("2026-11-23", today)).toBe("yellow");
    expect(warningOf("2026-12-23", today)).toBe("yellow");
  });
  it("R-LED-4 red the day after validUntil", () => {
    expect(warningOf("2026-11-22", today)).toBe("red");
  });
  it("R-LED-4 day boundaries cross months and leap years", () => {
    expect(warningOf("2028-03-30", "2028-02-29")).toBe("yellow");
    expect(warningOf("2028-03-31", "2028-02-29")).toBeNull();
  });
  it("R-LED-4 buckets match the colours", () => {
    expect(bucketRange("due", today)).toEqual({ from: "2026-11-23", to: "2026-12-23" });
    expect(bucketRange("overdue", today)).toEqual({ to: "2026-11-22" });
  });
});
