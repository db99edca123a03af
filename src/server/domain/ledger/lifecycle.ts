/**
 * R-LED-2: what may happen to a ledger row in which state. Pure: given the row's state and an action, the new
 * status or the error code the service throws (the service re-checks inside its transaction).
 */
import { INSTRUMENT_STATUS_LABEL, type FilingStatus, type FlowStatus, type InstrumentStatus } from "@/lib/vocab";

export type { InstrumentStatus };
export type LifecycleState = {
  status: InstrumentStatus;
  filingStatus: FilingStatus;
  /** Non-null while the instrument is in a filing or appointment flow. */
  flowStatus: FlowStatus | null;
  instrumentCode: string | null;
};
export type LifecycleAction = "modify" | "delete" | "stop" | "enable" | "scrap";
export type LifecycleError = "LEDGER_IN_FLOW" | "LEDGER_NOT_DELETABLE" | "LEDGER_BAD_TRANSITION";
export type LifecycleResult = { ok: true; status: InstrumentStatus } | { ok: false; error: LifecycleError; message: string };

const STATUS_WORD: Record<InstrumentStatus, string> = INSTRUMENT_STATUS_LABEL;

/** Status changes: stop from in use, enable from stopped or scrapped, scrap from stopped. */
const TRANSITIONS: Record<"stop" | "enable" | "scrap", { from: InstrumentStatus[]; to: InstrumentStatus; word: string }> = {
  stop: { from: ["in_use"], to: "stopped", word: "停用" },
  enable: { from: ["stopped", "scrapped"], to: "in_use", word: "启用" },
  scrap: { from: ["stopped"], to: "scrapped", word: "报废" },
};

export function decide(state: LifecycleState, action: LifecycleAction): LifecycleResult {
  // Nothing changes an instrument while a filing or appointment flow holds it.
  if (state.flowStatus !== null)
    return { ok: false, error: "LEDGER_IN_FLOW", message: "器具正在备案或预约流程中，流程结束前不能修改、删除或变更状态" };
  if (action === "modify") return { ok: true, status: state.status };
  if (action === "delete") {
    if (state.filingStatus !== "none" || state.instrumentCode !== null)
      return { ok: false, error: "LEDGER_NOT_DELETABLE", message: "该器具已提交过备案，不能删除；不再使用的器具请停用或报废" };
    return { ok: true, status: state.status };
  }
  const t = TRANSITIONS[action];
  if (!t.from.includes(state.status))
    return {
      ok: false,
      error: "LEDGER_BAD_TRANSITION",
      message: `器具当前为“${STATUS_WORD[state.status]}”，不能${t.word}（${t.from.map((s) => STATUS_WORD[s]).join("或")}的器具才能${t.word}）`,
    };
  return { ok: true, status: t.to };
}

/** Which lifecycle actions the UI offers for a row (the server decides again). */
export function allowedActions(state: LifecycleState): LifecycleAction[] {
  return (["modify", "delete", "stop", "enable", "scrap"] as const).filter((a) => decide(state, a).ok);
}
