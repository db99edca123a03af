import { describe, expect, it } from "vitest";
import { placeEarliest } from "./prepare-due";

const slot = (startTime: string, send_in: number, on_site: number) => ({
  label: startTime < "12:00" ? "上午" : "下午",
  startTime,
  endTime: "12:00",
  capacity: { send_in: 50, on_site: 20 },
  remaining: { send_in, on_site },
});
const day = (d: string, slots: ReturnType<typeof slot>[]) => ({ day: d, weekday: 1, workingWeekend: false, slots });

describe("issue 10 #2 预约全部须检器具: the earliest slots with room (R-APT-5)", () => {
  it("fills the earliest slot with room, skips full ones, spills over to later slots", () => {
    const days = [day("2027-01-04", [slot("08:30", 0, 0), slot("14:00", 2, 0)]), day("2027-01-05", [slot("08:30", 5, 1)])];
    const r = placeEarliest([1, 2, 3, 4], "send_in", days, new Map());
    expect(r.placements).toEqual([
      { day: "2027-01-04", slotStart: "14:00", slotLabel: "下午", instrumentIds: [1, 2] },
      { day: "2027-01-05", slotStart: "08:30", slotLabel: "上午", instrumentIds: [3, 4] },
    ]);
    expect(r.unplaced).toEqual([]);
  });

  it("counts the places this run already planned, and leaves out what fits nowhere", () => {
    const days = [day("2027-01-04", [slot("08:30", 3, 2)])];
    const taken = new Map<string, number>();
    expect(placeEarliest([1, 2], "on_site", days, taken).placements[0]!.instrumentIds).toEqual([1, 2]);
    const again = placeEarliest([3], "on_site", days, taken);
    expect(again.placements).toEqual([]);
    expect(again.unplaced).toEqual([3]);
  });
});
