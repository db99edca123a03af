import type { Fixtures } from "../helpers/fixtures";
import type { PolicyEntry } from "./table";

const NO_SUCH = 987654321;
const itemsOf = (r: unknown) => (r as { items: { id: number }[] }).items.map((x) => x.id);

/**
 * Issue 10 item 3–4 (预约确认, appointment detail). Demo: YY-0001 submitted, YY-0003 draft, YY-0004 confirmed,
 * YY-0006 completed (station with the Baiyun county institute byjls); YY-0101 confirmed, YY-0103 received
 * (hospital with the city institute gzjly). Relations never change state: a wrong state answers CONFLICT.
 */
const aptOf = (serial: string) => (fx: Fixtures) => ({ id: fx.appointment[serial] });
const foreignApt = (which: "confirmed" | "received" | "completed") => (fx: Fixtures) => ({ id: fx.foreign!.appointment[which] });
export const appointmentDeskPolicy: Record<string, PolicyEntry> = {
  "appointmentDesk.list": {
    access: ["institution"],
    input: () => ({ limit: 5, q: "S2026" }),
    list: [
      { view: "预约确认", input: () => ({ limit: 200 }), ids: itemsOf, foreign: (ff) => Object.values(ff.appointment), witness: "foreign_inst", callers: ["gzjly", "byjls"] },
    ],
  },
  "appointmentDesk.openSlots": {
    access: ["institution"],
    input: () => ({ id: NO_SUCH }),
    relations: [
      { relation: "own", as: "byjls", input: aptOf("YY-0001"), expect: "ok", note: "修改预约时间 choices" },
      { relation: "outOfScope", as: "gzjly", input: aptOf("YY-0001"), expect: "NOT_FOUND", note: "another institution's appointment" },
      { relation: "outOfScope", as: "byjls", input: aptOf("YY-0003"), expect: "NOT_FOUND", note: "drafts are the enterprise's" },
      { relation: "outOfScope", as: "byjls", input: foreignApt("confirmed"), expect: "NOT_FOUND", note: "R-SCOPE-4 another province" },
    ],
  },
  "appointmentDesk.confirm": {
    access: ["institution"],
    input: () => ({ id: NO_SUCH }),
    relations: [
      { relation: "own", as: "byjls", input: aptOf("YY-0004"), expect: "CONFLICT", note: "R-APT-4 already confirmed" },
      { relation: "outOfScope", as: "gzjly", input: aptOf("YY-0001"), expect: "NOT_FOUND", note: "another institution's appointment" },
      { relation: "outOfScope", as: "sqjg", input: aptOf("YY-0001"), expect: "NOT_FOUND", note: "authorised institution on a legal one's" },
      { relation: "outOfScope", as: "byjls", input: aptOf("YY-0003"), expect: "NOT_FOUND", note: "drafts are the enterprise's" },
      { relation: "outOfScope", as: "gzjly", input: foreignApt("confirmed"), expect: "NOT_FOUND", note: "R-SCOPE-4 another province" },
    ],
  },
  "appointmentDesk.reschedule": {
    access: ["institution"],
    input: () => ({ id: NO_SUCH, day: "2099-01-05", slotId: NO_SUCH, reason: "检定人员外出" }),
    relations: [
      { relation: "own", as: "byjls", input: (fx) => ({ id: fx.appointment["YY-0006"], day: "2099-01-05", slotId: NO_SUCH, reason: "检定人员外出" }), expect: "CONFLICT", note: "R-APT-4 completed" },
      { relation: "own", as: "byjls", input: (fx) => ({ id: fx.appointment["YY-0004"], day: "2099-01-05", slotId: NO_SUCH, reason: "" }), expect: "BAD_REQUEST", note: "a reason is required" },
      { relation: "outOfScope", as: "gzjly", input: (fx) => ({ id: fx.appointment["YY-0004"], day: "2099-01-05", slotId: NO_SUCH, reason: "检定人员外出" }), expect: "NOT_FOUND", note: "another institution's appointment" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ id: fx.foreign!.appointment.confirmed, day: "2099-01-05", slotId: NO_SUCH, reason: "检定人员外出" }), expect: "NOT_FOUND", note: "R-SCOPE-4 another province" },
    ],
  },
  "appointmentDesk.reject": {
    access: ["institution"],
    input: () => ({ id: NO_SUCH, reason: "检定人员外出" }),
    relations: [
      { relation: "own", as: "gzjly", input: (fx) => ({ id: fx.appointment["YY-0103"], reason: "检定人员外出" }), expect: "CONFLICT", note: "R-APT-4 already received" },
      { relation: "own", as: "gzjly", input: (fx) => ({ id: fx.appointment["YY-0101"], reason: " " }), expect: "BAD_REQUEST", note: "a reason is required" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ id: fx.appointment["YY-0101"], reason: "检定人员外出", cancelFilings: true }), expect: "NOT_FOUND", note: "another institution's appointment" },
      { relation: "outOfScope", as: "gzjly", input: (fx) => ({ id: fx.foreign!.appointment.confirmed, reason: "检定人员外出" }), expect: "NOT_FOUND", note: "R-SCOPE-4 another province" },
    ],
  },
  "appointmentView.detail": {
    access: ["enterprise", "institution"],
    input: () => ({ id: NO_SUCH }),
    relations: [
      { relation: "own", as: "jyzqy", input: aptOf("YY-0001"), expect: "ok", note: "R-SCOPE-1 own appointment" },
      { relation: "own", as: "jyzqy", input: aptOf("YY-0003"), expect: "ok", note: "own draft" },
      { relation: "outOfScope", as: "yyqy", input: aptOf("YY-0001"), expect: "NOT_FOUND", note: "R-SCOPE-1 another enterprise's" },
      { relation: "own", as: "byjls", input: aptOf("YY-0001"), expect: "ok", note: "made with the institution" },
      { relation: "outOfScope", as: "byjls", input: aptOf("YY-0003"), expect: "NOT_FOUND", note: "drafts are the enterprise's" },
      { relation: "outOfScope", as: "gzjly", input: aptOf("YY-0001"), expect: "NOT_FOUND", note: "another institution's appointment" },
      { relation: "outOfScope", as: "gzjly", input: foreignApt("completed"), expect: "NOT_FOUND", note: "R-SCOPE-4 another province" },
      { relation: "outOfScope", as: "jyzqy", input: foreignApt("received"), expect: "NOT_FOUND", note: "R-SCOPE-4 another enterprise" },
      { relation: "otherInScope", as: "gzscjg", input: aptOf("YY-0101"), expect: "FORBIDDEN", note: "regulators do not read appointments here" },
    ],
  },
};
