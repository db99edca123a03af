import { describe, expect, it } from "vitest";
import { plannedMonth } from "./annual-plan";

const today = "2026-12-01";
const filed = { certificateNo: "C1", filingStatus: "filed" };

describe("issue 10 item 9 年度检定计划: the month an instrument is planned in", () => {
  it("a certificate running out in the year is planned in its validUntil month", () => {
    expect(plannedMonth({ ...filed, validUntil: "2027-03-15" }, 2027, today)).toEqual({ month: 3, note: "" });
    expect(plannedMonth({ ...filed, validUntil: "2026-12-20" }, 2026, today)).toEqual({ month: 12, note: "" });
  });
  it("another year's validity is not in the plan", () => {
    expect(plannedMonth({ ...filed, validUntil: "2028-01-01" }, 2027, today)).toBeNull();
    expect(plannedMonth({ ...filed, validUntil: "2026-05-01" }, 2027, today)).toBeNull();
  });
  it("in the current year an overdue instrument is planned for this month, marked 已超期", () => {
    expect(plannedMonth({ ...filed, validUntil: "2026-05-01" }, 2026, today)).toEqual({ month: 12, note: "已超期" });
    expect(plannedMonth({ ...filed, validUntil: "2025-02-01" }, 2026, today)).toEqual({ month: 12, note: "已超期" });
  });
  it("a filed instrument never verified is due now (首次检定), and only in the current year", () => {
    const first = { validUntil: null, certificateNo: null, filingStatus: "filed" };
    expect(plannedMonth(first, 2026, today)).toEqual({ month: 12, note: "首次检定" });
    expect(plannedMonth(first, 2027, today)).toBeNull();
    expect(plannedMonth({ ...first, filingStatus: "unfiled" }, 2026, today)).toBeNull();
  });
});
