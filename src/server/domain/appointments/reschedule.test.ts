import { describe, expect, it } from "vitest";
import { assertReschedule, type ReschedulePlan } from "./reschedule";

const plan = (p: Partial<ReschedulePlan> = {}): ReschedulePlan => ({
  from: { day: "2026-12-03", slotId: 1 },
  to: { day: "2026-12-04", slotId: 2 },
  places: 3,
  usedInTarget: 10,
  capacity: 20,
  allowOverCapacity: false,
  ...p,
});

describe("修改预约时间 (R-APT-4, R-APT-5)", () => {
  it("R-APT-5 a move into a slot with room is allowed and not over capacity; exactly full is still within", () => {
    expect(assertReschedule(plan())).toEqual({ overCapacity: false });
    expect(assertReschedule(plan({ usedInTarget: 17 }))).toEqual({ overCapacity: false });
  });
  it("R-APT-5 a slot without room is refused with the places left, in Chinese", () => {
    expect(() => assertReschedule(plan({ usedInTarget: 18 }))).toThrow(/剩余 2 台（件），不足本预约单的 3 台/);
    expect(() => assertReschedule(plan({ usedInTarget: 25 }))).toThrow(/剩余 0 台/);
  });
  it("R-APT-5 the institution may go above its own capacity only when it says so explicitly", () => {
    expect(assertReschedule(plan({ usedInTarget: 18, allowOverCapacity: true }))).toEqual({ overCapacity: true });
  });
  it("R-APT-4 the same day and slot is not a new time", () => {
    expect(() => assertReschedule(plan({ to: { day: "2026-12-03", slotId: 1 } }))).toThrow(/与原时间相同/);
    expect(assertReschedule(plan({ to: { day: "2026-12-03", slotId: 2 } })).overCapacity).toBe(false);
  });
});
