import { describe, expect, it } from "vitest";
import { appointmentNumber, appointmentTransition, assertBookable, assertSingleGroup, itemTransition, settledState, splitByInstitutionAndMethod, type BookableInstrument } from "./transitions";

const ok: BookableInstrument = { status: "in_use", filingStatus: "filed", flowStatus: null, verifiedBefore: false, institutionId: 7 };
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { appCode?: string }).appCode;
  }
  return "OK";
};

describe("R-APT-1 bookable instruments", () => {
  it("R-APT-1 a filed instrument in use can be booked", () => expect(code(() => assertBookable(ok))).toBe("OK"));
  it("R-APT-1 an unfiled instrument cannot, unless it had a certificate before (R-FIL-5)", () => {
    expect(code(() => assertBookable({ ...ok, filingStatus: "none" }))).toBe("APT_NOT_FILED");
    expect(code(() => assertBookable({ ...ok, filingStatus: "returned" }))).toBe("APT_NOT_FILED");
    expect(code(() => assertBookable({ ...ok, filingStatus: "none", verifiedBefore: true }))).toBe("OK");
  });
  it("R-APT-1 stopped or scrapped instruments are refused", () => {
    expect(code(() => assertBookable({ ...ok, status: "stopped" }))).toBe("APT_INSTRUMENT_INACTIVE");
    expect(code(() => assertBookable({ ...ok, status: "scrapped" }))).toBe("APT_INSTRUMENT_INACTIVE");
  });
  it("R-APT-1 an instrument already in an open appointment or in filing is refused", () => {
    expect(code(() => assertBookable({ ...ok, flowStatus: "appointment" }))).toBe("APT_ALREADY_BOOKED");
    expect(code(() => assertBookable({ ...ok, flowStatus: "filing" }))).toBe("APT_IN_FILING");
  });
  it("R-APT-1 an instrument without an institution cannot be booked", () => expect(code(() => assertBookable({ ...ok, institutionId: null }))).toBe("APT_NO_INSTITUTION"));
});

describe("R-APT-2 one appointment per institution and method", () => {
  it("R-APT-2 splits by institution and method, keeping order", () => {
    const g = splitByInstitutionAndMethod([
      { id: 1, institutionId: 1, method: "send_in" as const },
      { id: 2, institutionId: 2, method: "send_in" as const },
      { id: 3, institutionId: 1, method: "on_site" as const },
      { id: 4, institutionId: 1, method: "send_in" as const },
    ]);
    expect(g.map((x) => [x.institutionId, x.method, x.instruments.map((i) => i.id)])).toEqual([
      [1, "send_in", [1, 4]],
      [2, "send_in", [2]],
      [1, "on_site", [3]],
    ]);
  });
  it("R-APT-2 mixing institutions or methods in one appointment is refused", () => {
    expect(code(() => assertSingleGroup([{ institutionId: 1, method: "send_in" }], 1, "send_in"))).toBe("OK");
    expect(code(() => assertSingleGroup([{ institutionId: 2, method: "send_in" }], 1, "send_in"))).toBe("APT_MIXED");
    expect(code(() => assertSingleGroup([{ institutionId: 1, method: "on_site" }], 1, "send_in"))).toBe("APT_MIXED");
  });
});

describe("R-APT-3 appointment numbers", () => {
  it("R-APT-3 S/X + YYYYMMDD + 6-digit sequence", () => {
    expect(appointmentNumber("send_in", "2026-12-01", 1)).toBe("S20261201000001");
    expect(appointmentNumber("on_site", "2026-12-31", 999999)).toBe("X20261231999999");
    expect(() => appointmentNumber("send_in", "2026-12-01", 1_000_000)).toThrow();
  });
});

describe("R-APT-4 appointment states", () => {
  it("R-APT-4 draft → submitted → confirmed / rescheduled / rejected → received → completed", () => {
    expect(appointmentTransition("draft", "submit")).toBe("submitted");
    expect(appointmentTransition("submitted", "confirm")).toBe("confirmed");
    expect(appointmentTransition("submitted", "reschedule")).toBe("rescheduled");
    expect(appointmentTransition("confirmed", "reschedule")).toBe("rescheduled");
    expect(appointmentTransition("submitted", "reject")).toBe("rejected");
    expect(appointmentTransition("confirmed", "receive")).toBe("received");
    expect(appointmentTransition("rescheduled", "receive")).toBe("received");
    expect(appointmentTransition("received", "complete")).toBe("completed");
  });
  it("R-APT-4 only drafts can be edited or deleted; nothing leaves a final state", () => {
    expect(appointmentTransition("draft", "edit")).toBe("draft");
    expect(code(() => appointmentTransition("submitted", "edit"))).toBe("APT_STATE_CHANGED");
    expect(code(() => appointmentTransition("submitted", "delete"))).toBe("APT_STATE_CHANGED");
    for (const s of ["rejected", "completed", "cancelled"] as const)
      for (const a of ["submit", "confirm", "reschedule", "reject", "receive", "cancel"] as const) expect(code(() => appointmentTransition(s, a))).toBe("APT_STATE_CHANGED");
  });
  it("R-APT-4 reception needs the institution's confirmation; rejection is impossible after reception", () => {
    expect(code(() => appointmentTransition("submitted", "receive"))).toBe("APT_STATE_CHANGED");
    expect(code(() => appointmentTransition("draft", "receive"))).toBe("APT_STATE_CHANGED");
    expect(code(() => appointmentTransition("received", "reject"))).toBe("APT_STATE_CHANGED");
    expect(code(() => appointmentTransition("confirmed", "confirm"))).toBe("APT_STATE_CHANGED");
  });
});

describe("R-APT-6 / R-RES-5 item steps and completion", () => {
  it("R-APT-6 an item is received or returned; a returned or done item moves no further", () => {
    expect(itemTransition("booked", "receive")).toBe("received");
    expect(itemTransition("booked", "return")).toBe("returned");
    expect(itemTransition("received", "return")).toBe("returned");
    expect(itemTransition("received", "result")).toBe("done");
    expect(code(() => itemTransition("booked", "result"))).toBe("APT_ITEM_STATE_CHANGED");
    expect(code(() => itemTransition("done", "result"))).toBe("APT_ITEM_STATE_CHANGED");
    expect(code(() => itemTransition("returned", "receive"))).toBe("APT_ITEM_STATE_CHANGED");
    expect(code(() => itemTransition("received", "cancel"))).toBe("APT_ITEM_STATE_CHANGED");
  });
  it("R-RES-5 completes when every instrument has a result or was returned or cancelled", () => {
    expect(settledState("received", ["done", "returned", "cancelled"])).toBe("completed");
    expect(settledState("received", ["done", "received"])).toBe("received");
    expect(settledState("confirmed", ["returned", "returned"])).toBe("completed");
    expect(settledState("confirmed", ["cancelled", "booked"])).toBe("confirmed");
    expect(settledState("confirmed", ["cancelled", "cancelled"])).toBe("cancelled");
    expect(settledState("draft", ["cancelled"])).toBe("draft");
  });
});
