import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/china-day";
import { daysOf, warningDue, warningWindow } from "./expiry";

describe("R-WRN-1 expiry warning days", () => {
  const V = "2026-03-31";
  it("warns 30 days before validUntil (not 31), and on the day it has passed (V + 1, validUntil inclusive)", () => {
    expect(warningDue(V, addDays(V, -31))).toBeNull();
    expect(warningDue(V, addDays(V, -30))).toBe("due30");
    expect(warningDue(V, addDays(V, -29))).toBe("due30"); // a missed sweep catches up; the unique key stops a second one
    expect(warningDue(V, V)).toBe("due30"); // last valid day
    expect(warningDue(V, addDays(V, 1))).toBe("expired");
    expect(warningDue(V, addDays(V, 7))).toBe("expired");
    expect(warningDue(V, addDays(V, 8))).toBeNull(); // no longer newly overdue
  });
  it("windows cross month and year ends", () => {
    expect(warningWindow("due30", "2026-12-15")).toEqual({ from: "2026-12-15", to: "2027-01-14" });
    expect(warningWindow("expired", "2026-03-02")).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(daysOf(warningWindow("expired", "2026-03-02"))).toHaveLength(7);
    expect(daysOf(warningWindow("due30", "2026-03-02"))).toHaveLength(31);
  });
});
