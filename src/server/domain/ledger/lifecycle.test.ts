import { describe, expect, it } from "vitest";
import { allowedActions, decide, type LifecycleState } from "./lifecycle";

const idle: LifecycleState = { status: "in_use", filingStatus: "none", flowStatus: null, instrumentCode: null };

describe("ledger lifecycle (R-LED-2)", () => {
  it("R-LED-2 modify is allowed outside a workflow", () => {
    expect(decide(idle, "modify")).toEqual({ ok: true, status: "in_use" });
  });
  it("R-LED-2 modify is refused while in a filing or appointment flow", () => {
    const r = decide({ ...idle, flowStatus: "filing" }, "modify");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe("LEDGER_IN_FLOW");
  });
  it("R-LED-2 delete only a never-filed instrument", () => {
    expect(decide(idle, "delete").ok).toBe(true);
    expect(decide({ ...idle, filingStatus: "filed" }, "delete")).toMatchObject({ ok: false, error: "LEDGER_NOT_DELETABLE" });
    expect(decide({ ...idle, filingStatus: "returned" }, "delete")).toMatchObject({ ok: false, error: "LEDGER_NOT_DELETABLE" });
    expect(decide({ ...idle, instrumentCode: "440111202600000001" }, "delete")).toMatchObject({ ok: false, error: "LEDGER_NOT_DELETABLE" });
    expect(decide({ ...idle, flowStatus: "appointment" }, "delete")).toMatchObject({ ok: false, error: "LEDGER_IN_FLOW" });
  });
  it("R-LED-2 stop: only from in use", () => {
    expect(decide(idle, "stop")).toEqual({ ok: true, status: "stopped" });
    for (const status of ["new", "stopped", "scrapped"] as const)
      expect(decide({ ...idle, status }, "stop")).toMatchObject({ ok: false, error: "LEDGER_BAD_TRANSITION" });
  });
  it("R-LED-2 scrap: only from stopped", () => {
    expect(decide({ ...idle, status: "stopped" }, "scrap")).toEqual({ ok: true, status: "scrapped" });
    const r = decide(idle, "scrap");
    expect(r).toMatchObject({ ok: false, error: "LEDGER_BAD_TRANSITION" });
    expect(!r.ok && r.message).toContain("停用的器具才能报废");
  });
  it("R-LED-2 enable: from stopped or scrapped, back to in use", () => {
    expect(decide({ ...idle, status: "stopped" }, "enable")).toEqual({ ok: true, status: "in_use" });
    expect(decide({ ...idle, status: "scrapped" }, "enable")).toEqual({ ok: true, status: "in_use" });
    expect(decide(idle, "enable")).toMatchObject({ ok: false, error: "LEDGER_BAD_TRANSITION" });
  });
  it("R-LED-2 no status change while in a flow", () => {
    for (const a of ["stop", "enable", "scrap"] as const)
      expect(decide({ ...idle, status: "stopped", flowStatus: "filing" }, a)).toMatchObject({ ok: false, error: "LEDGER_IN_FLOW" });
  });
  it("R-LED-2 allowed actions of a stopped, never-filed instrument", () => {
    expect(allowedActions({ ...idle, status: "stopped" })).toEqual(["modify", "delete", "enable", "scrap"]);
  });
});
