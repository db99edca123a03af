import { describe, expect, it } from "vitest";
import { addDays, addMonths, chinaToday, compactDay, dayIn, daysBetween } from "./china-day";

describe("China calendar day (R-TIME-1)", () => {
  it("R-TIME-1 the process runs in UTC for these tests", () => {
    expect(new Date("2026-01-01T00:00:00").getTimezoneOffset()).toBe(0);
  });

  it("R-TIME-1 crosses midnight in Shanghai, not at UTC midnight", () => {
    expect(chinaToday(new Date("2026-11-22T15:59:59Z"))).toBe("2026-11-22");
    expect(chinaToday(new Date("2026-11-22T16:00:00Z"))).toBe("2026-11-23");
    expect(dayIn(new Date("2026-11-22T16:00:00Z"), "UTC")).toBe("2026-11-22");
  });

  it("counts days and adds days and months", () => {
    expect(daysBetween("2026-11-23", "2026-12-03")).toBe(10);
    expect(daysBetween("2026-12-03", "2026-11-23")).toBe(-10);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-05-20", 6)).toBe("2026-11-20");
    expect(compactDay("2026-11-23")).toBe("20261123");
  });
});
