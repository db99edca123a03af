import cd from "chinese-days";
import { describe, expect, it } from "vitest";
import { holidayRowsFromPackage } from "@/server/domain/appointments/holiday-data";
import { assertBookableDay, dayVerdict, type DayContext, type PlatformCalendar } from "./calendar";

/** The 2026 National Day rows as the seed loads them from chinese-days, plus 2027 absent. */
const rows = holidayRowsFromPackage().filter((r) => r.day.startsWith("2026-"));
const calendar: PlatformCalendar = { days: new Map(rows.map((r) => [r.day, r.kind])), yearsWithData: new Set([2026]) };
/** 2026-09-30 10:00 in Shanghai. */
const now = new Date("2026-09-30T02:00:00Z");
const ctx = (over: Partial<DayContext> = {}): DayContext => ({ calendar, closedDays: new Set(), now, ...over });

describe("R-APT-5 a bookable day is a future working day of the China calendar", () => {
  it("R-APT-5 today and the past are not bookable; tomorrow (a Thursday) is", () => {
    expect(process.env.TZ).toBe("UTC");
    expect(dayVerdict("2026-09-30", ctx())).toMatchObject({ bookable: false, reason: "today" });
    expect(dayVerdict("2026-09-29", ctx())).toMatchObject({ bookable: false, reason: "past" });
    expect(dayVerdict("2025-12-31", ctx())).toMatchObject({ bookable: false, reason: "past" });
    expect(dayVerdict("2026-10-09", ctx())).toMatchObject({ bookable: true });
  });

  it("R-APT-5 a 法定节假日 on a weekday (2026-10-01, 国庆节) is not bookable; the first day after it is", () => {
    expect(dayVerdict("2026-10-01", ctx())).toMatchObject({ bookable: false, reason: "holiday" });
    expect(dayVerdict("2026-10-07", ctx())).toMatchObject({ bookable: false, reason: "holiday" });
    expect(dayVerdict("2026-10-08", ctx())).toMatchObject({ bookable: true, yearWithoutData: false });
  });

  it("R-APT-5 the 调休 Saturday 2026-10-10 IS a working day and bookable; the Sunday after is not", () => {
    expect(dayVerdict("2026-10-10", ctx())).toMatchObject({ bookable: true });
    expect(dayVerdict("2026-10-11", ctx())).toMatchObject({ bookable: false, reason: "weekend" });
    expect(dayVerdict("2026-10-17", ctx())).toMatchObject({ bookable: false, reason: "weekend" });
  });

  it("R-APT-5 an institution's own closed day is not bookable, other institutions' days are unaffected", () => {
    expect(dayVerdict("2026-10-09", ctx({ closedDays: new Set(["2026-10-09"]) }))).toMatchObject({ bookable: false, reason: "closed" });
    expect(dayVerdict("2026-10-12", ctx({ closedDays: new Set(["2026-10-09"]) }))).toMatchObject({ bookable: true });
    expect(() => assertBookableDay("2026-10-09", ctx({ closedDays: new Set(["2026-10-09"]) }))).toThrow("停止受理");
    expect(() => assertBookableDay("2026-10-01", ctx())).toThrow("法定节假日");
  });

  it("R-APT-5 R-TIME-1 the day turns at midnight in Shanghai, not in UTC (process in UTC)", () => {
    const before = new Date("2026-10-09T15:59:59Z"); // 2026-10-09 23:59:59 in Shanghai
    const after = new Date("2026-10-09T16:00:00Z"); //  2026-10-10 00:00:00 in Shanghai, still the 9th in UTC
    expect(dayVerdict("2026-10-10", ctx({ now: before }))).toMatchObject({ bookable: true });
    expect(dayVerdict("2026-10-10", ctx({ now: after }))).toMatchObject({ bookable: false, reason: "today" });
    expect(dayVerdict("2026-10-09", ctx({ now: after }))).toMatchObject({ bookable: false, reason: "past" });
  });

  it("R-APT-5 a year without calendar data is flagged and falls back to the weekend rule only", () => {
    // chinese-days 1.5.7 has no 2027 data: 2027-10-01 (Friday, 国庆节) would otherwise pass silently.
    expect(dayVerdict("2027-10-01", ctx())).toMatchObject({ bookable: true, yearWithoutData: true });
    expect(dayVerdict("2027-10-02", ctx())).toMatchObject({ bookable: false, reason: "weekend", yearWithoutData: true });
    expect(dayVerdict("2026-10-12", ctx())).toMatchObject({ yearWithoutData: false });
  });
});

describe("issue 10 #1 the seeded platform calendar matches chinese-days 1.5.7", () => {
  it("issue 10 #1 2026 rows agree with the library's own isHoliday / isWorkday", () => {
    expect(rows.filter((r) => r.kind === "workday").map((r) => r.day)).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
    for (const r of rows) expect(cd.isWorkday(r.day)).toBe(r.kind === "workday");
    expect(rows.find((r) => r.day === "2026-10-01")).toEqual({ day: "2026-10-01", kind: "holiday", name: "国庆节" });
    expect(holidayRowsFromPackage().some((r) => r.day.startsWith("2027-"))).toBe(false);
  });
});
