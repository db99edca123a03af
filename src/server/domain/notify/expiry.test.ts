import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/china-day";
import { daysOf, sweepBatches, warningDue, warningWindow } from "./expiry";

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

describe("issue 14 #3 the sweep's batches", () => {
  it("the two windows are one range of days (the sweep reads them as one)", () => {
    for (const day of ["2026-01-01", "2026-03-01", "2026-12-31", "2028-02-29"]) expect(addDays(warningWindow("expired", day).to, 1)).toBe(warningWindow("due30", day).from);
  });
  it("cuts enterprises in id order into runs bounded by enterprises and rows; one larger than the row bound is a batch of its own, never split", () => {
    const work = [
      { id: 9, rows: 5 },
      { id: 2, rows: 3 },
      { id: 4, rows: 4 },
      { id: 5, rows: 30 },
      { id: 7, rows: 1 },
      { id: 8, rows: 1 },
      { id: 11, rows: 1 },
    ];
    expect(sweepBatches(work, 1000, 10)).toEqual([[2, 4], [5, 5], [7, 11]]);
    expect(sweepBatches(work, 1000, 7)).toEqual([[2, 4], [5, 5], [7, 9], [11, 11]]);
    expect(sweepBatches(work, 2, 1000)).toEqual([[2, 4], [5, 7], [8, 9], [11, 11]]);
    expect(sweepBatches(work, 1000, 1000)).toEqual([[2, 11]]);
    expect(sweepBatches([], 2, 10)).toEqual([]);
    // Every enterprise falls in exactly one range, and ranges do not overlap.
    const ranges = sweepBatches(work, 2, 7);
    for (const w of work) expect(ranges.filter(([lo, hi]) => w.id >= lo && w.id <= hi)).toHaveLength(1);
  });
});
