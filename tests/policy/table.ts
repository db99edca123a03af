import type { UserRole } from "@/server/auth/session-user";
import type { DemoAccount, Fixtures, Foreign } from "../helpers/fixtures";
import { appointmentDeskPolicy } from "./table-appointment-desk";

/**
 * The authorization policy: every tRPC procedure × role × relation → expected outcome.
 * `matrix.int.test.ts` fails when a procedure of the router is missing here, so each new procedure must
 * say who may call it and how scope applies. Relations: own record, another record inside the caller's
 * scope, a record outside it (R-SCOPE-4: NOT_FOUND, never FORBIDDEN).
 */
export type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT";
export type Relation = "own" | "otherInScope" | "outOfScope";

/**
 * A list, count or export read and how scope applies to it (R-SCOPE-1…3), checked by `lists.int.test.ts`
 * with foreign records present (tests/helpers/fixtures.ts `seedForeign`): every account in `callers` gets
 * rows (or a count above zero) and none of the foreign ids; `witness` (a foreign account or the
 * administrator) sees at least one foreign record through the same call, which proves the foreign records
 * match the list's other filters, so only the scope keeps them out.
 */
export type ListSpec = {
  view: string;
  input: (fx: Fixtures) => unknown;
  /** The ids the answer lists (rows) … */
  ids?: (result: unknown) => number[];
  /** … or the count it reports. */
  count?: (result: unknown) => number;
  /** Foreign ids that must never be listed for a demo account (rows). */
  foreign?: (ff: Foreign) => number[];
  witness: string;
  /** Demo accounts that must get rows; default: every demo account the access allows. */
  callers?: DemoAccount[];
};

export type PolicyEntry = {
  access: "public" | "signedIn" | UserRole[];
  /** Input for the sweep over every account; must be harmless for the accounts that are allowed. */
  input?: (fx: Fixtures) => unknown;
  relations?: { relation: Relation; as: DemoAccount; input: (fx: Fixtures) => unknown; expect: Outcome; note?: string }[];
  /** List, count and export reads: how their rows follow scope (a non-public entry needs relations or this). */
  list?: ListSpec[];
};

type Row = { id: number };
const rowsOf = (r: unknown) => (r as Row[]).map((x) => x.id);
const itemsOf = (r: unknown) => (r as { items: Row[] }).items.map((x) => x.id);
const foreignInstruments = (ff: Foreign) => Object.values(ff.instrument);
const foreignFilings = (ff: Foreign) => Object.values(ff.filing);
const INSTITUTIONS: DemoAccount[] = ["gzjly", "byjls", "sqjg"];
const REGULATORS: DemoAccount[] = ["gdscjg", "gzscjg", "byscjg"];
const ENTERPRISES: DemoAccount[] = ["jyzqy", "yyqy"];

const orgById = (key: string) => (fx: Fixtures) => ({ id: fx.org[key] });
const NO_SUCH = 987654321;
const filingIds = (serial: string) => (fx: Fixtures) => ({ filingIds: [fx.filing[serial]] });
const byInstrument = (serial: string) => (fx: Fixtures) => ({ instrumentId: fx.instrument[serial] });

/**
 * Issue 5 (filing, capabilities, jurisdiction). Demo data: BA-0001 filed by the Baiyun county institute
 * (byjls), BA-0003 filed by the city institute (gzjly), BA-0014 assigned gzjly → byjls, BA-0015 pending at
 * gzjly, BA-0013 returned (station, Baiyun); BA-0101 filed by gzjly and BA-0106 filed with the authorised
 * institution sqjg (hospital, Tianhe). Sweep inputs name no record, so they change nothing.
 */
const filingPolicy: Record<string, PolicyEntry> = {
  "capability.list": {
    access: ["institution"],
    list: [{ view: "own capabilities", input: () => undefined, ids: itemsOf, foreign: (ff) => [ff.capability], witness: "foreign_inst" }],
  },
  "capability.save": {
    access: ["institution"],
    input: () => ({ kindId: NO_SUCH, method: "send_in", regionCodes: [] }),
    relations: [
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ id: fx.capability.gzInstitute, kindId: NO_SUCH, method: "send_in" }), expect: "NOT_FOUND", note: "other institution's capability" },
    ],
  },
  "capability.setEnabled": {
    access: ["institution"],
    input: () => ({ id: NO_SUCH, enabled: true }),
    relations: [
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ id: fx.capability.gzInstitute, enabled: false }), expect: "NOT_FOUND", note: "county on city's row" },
      { relation: "outOfScope", as: "sqjg", input: (fx) => ({ id: fx.capability.byInstitute, enabled: false }), expect: "NOT_FOUND", note: "authorised on legal's row" },
    ],
  },
  "capability.remove": {
    access: ["institution"],
    input: () => ({ id: NO_SUCH }),
    relations: [{ relation: "outOfScope", as: "gzjly", input: (fx) => ({ id: fx.capability.byInstitute }), expect: "NOT_FOUND", note: "city on county's row" }],
  },
  "filing.candidates": {
    access: ["enterprise"],
    input: () => ({ limit: 5 }),
    list: [{ view: "待备案", input: () => ({ limit: 200 }), ids: itemsOf, foreign: foreignInstruments, witness: "foreign_ent" }],
  },
  "filing.options": {
    access: ["enterprise"],
    input: () => ({ instrumentIds: [NO_SUCH] }),
    relations: [
      { relation: "own", as: "jyzqy", input: (fx) => ({ instrumentIds: [fx.instrument["BA-0008"]] }), expect: "ok", note: "R-FIL-1" },
      { relation: "outOfScope", as: "yyqy", input: (fx) => ({ instrumentIds: [fx.instrument["BA-0008"]] }), expect: "NOT_FOUND", note: "R-SCOPE-1" },
    ],
  },
  "filing.submit": {
    access: ["enterprise"],
    input: (fx) => ({ items: [{ instrumentId: NO_SUCH, institutionId: fx.org.gzInstitute }] }),
    relations: [
      { relation: "outOfScope", as: "yyqy", input: (fx) => ({ items: [{ instrumentId: fx.instrument["BA-0008"], institutionId: fx.org.gzInstitute }] }), expect: "NOT_FOUND", note: "R-SCOPE-1" },
      { relation: "own", as: "jyzqy", input: (fx) => ({ items: [{ instrumentId: fx.instrument["BA-0001"], institutionId: fx.org.gzInstitute }] }), expect: "CONFLICT", note: "R-FIL-1 filing twice" },
      { relation: "own", as: "jyzqy", input: () => ({ items: [] }), expect: "BAD_REQUEST", note: "empty selection" },
    ],
  },
  "filing.resubmit": {
    access: ["enterprise"],
    input: (fx) => ({ instrumentId: NO_SUCH, institutionId: fx.org.gzInstitute }),
    relations: [
      { relation: "outOfScope", as: "yyqy", input: (fx) => ({ instrumentId: fx.instrument["BA-0013"], institutionId: fx.org.gzInstitute }), expect: "NOT_FOUND", note: "R-SCOPE-1" },
      { relation: "own", as: "jyzqy", input: (fx) => ({ instrumentId: fx.instrument["BA-0001"], institutionId: fx.org.gzInstitute }), expect: "BAD_REQUEST", note: "R-FIL-6 only returned" },
    ],
  },
  "filing.deleteReturned": {
    access: ["enterprise"],
    input: () => ({ instrumentId: NO_SUCH }),
    relations: [
      { relation: "outOfScope", as: "yyqy", input: byInstrument("BA-0013"), expect: "NOT_FOUND", note: "R-SCOPE-1" },
      { relation: "own", as: "jyzqy", input: byInstrument("BA-0001"), expect: "BAD_REQUEST", note: "R-LED-2 filed records stay" },
    ],
  },
  "filing.mine": {
    access: ["enterprise"],
    input: () => ({ tab: "submitted", limit: 5 }),
    list: [{ view: "已提交", input: () => ({ tab: "submitted", limit: 200 }), ids: itemsOf, foreign: foreignFilings, witness: "foreign_ent" }],
  },
  "filing.history": {
    access: "signedIn",
    input: () => ({ instrumentId: NO_SUCH }),
    relations: [
      { relation: "own", as: "jyzqy", input: byInstrument("BA-0001"), expect: "ok", note: "R-SCOPE-1" },
      { relation: "outOfScope", as: "yyqy", input: byInstrument("BA-0001"), expect: "NOT_FOUND", note: "R-SCOPE-1" },
      { relation: "own", as: "byjls", input: byInstrument("BA-0001"), expect: "ok", note: "R-SCOPE-2 county" },
      { relation: "outOfScope", as: "byjls", input: byInstrument("BA-0101"), expect: "NOT_FOUND", note: "R-SCOPE-2 Tianhe is not Baiyun" },
      { relation: "otherInScope", as: "gzjly", input: byInstrument("BA-0101"), expect: "ok", note: "R-SCOPE-2 city" },
      { relation: "own", as: "sqjg", input: byInstrument("BA-0106"), expect: "ok", note: "R-SCOPE-2 authorised: filed with it" },
      { relation: "outOfScope", as: "sqjg", input: byInstrument("BA-0001"), expect: "NOT_FOUND", note: "R-SCOPE-2 authorised" },
      { relation: "outOfScope", as: "byscjg", input: byInstrument("BA-0101"), expect: "NOT_FOUND", note: "R-SCOPE-3 county" },
      { relation: "otherInScope", as: "gdscjg", input: byInstrument("BA-0101"), expect: "ok", note: "R-SCOPE-3 province" },
      { relation: "outOfScope", as: "gdscjg", input: (fx) => ({ instrumentId: fx.foreign!.instrument.filed }), expect: "NOT_FOUND", note: "R-SCOPE-3 another province" },
    ],
  },
  "filing.queue": {
    access: ["institution"],
    input: () => ({ view: "review", limit: 5 }),
    list: [
      { view: "备案审核", input: () => ({ view: "review", limit: 200 }), ids: itemsOf, foreign: foreignFilings, witness: "foreign_inst" },
      { view: "备案处理", input: () => ({ view: "handle", limit: 200 }), ids: itemsOf, foreign: foreignFilings, witness: "foreign_county", callers: ["byjls"] },
    ],
  },
  "filing.assignTargets": {
    access: ["institution"],
    input: () => ({ filingIds: [NO_SUCH] }),
    relations: [
      { relation: "own", as: "gzjly", input: filingIds("BA-0015"), expect: "ok", note: "R-FIL-2 city" },
      { relation: "outOfScope", as: "byjls", input: filingIds("BA-0015"), expect: "NOT_FOUND", note: "county on city's filing" },
      { relation: "outOfScope", as: "sqjg", input: filingIds("BA-0015"), expect: "NOT_FOUND", note: "authorised on legal's filing" },
    ],
  },
  "filing.approve": {
    access: ["institution"],
    input: () => ({ filingIds: [NO_SUCH] }),
    relations: [
      { relation: "own", as: "gzjly", input: filingIds("BA-0003"), expect: "CONFLICT", note: "approving an approved filing" },
      { relation: "outOfScope", as: "byjls", input: filingIds("BA-0015"), expect: "NOT_FOUND", note: "county on city's filing" },
      { relation: "outOfScope", as: "sqjg", input: filingIds("BA-0015"), expect: "NOT_FOUND", note: "authorised on legal's filing" },
      { relation: "outOfScope", as: "gzjly", input: filingIds("BA-0106"), expect: "NOT_FOUND", note: "legal on authorised's filing" },
    ],
  },
  "filing.assign": {
    access: ["institution"],
    input: (fx) => ({ filingIds: [NO_SUCH], countyInstitutionId: fx.org.byInstitute }),
    relations: [
      { relation: "own", as: "gzjly", input: (fx) => ({ filingIds: [fx.filing["BA-0003"]], countyInstitutionId: fx.org.byInstitute }), expect: "CONFLICT", note: "R-FIL-2 already decided" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ filingIds: [fx.filing["BA-0015"]], countyInstitutionId: fx.org.byInstitute }), expect: "NOT_FOUND", note: "county on city's filing" },
    ],
  },
  "filing.return": {
    access: ["institution"],
    input: () => ({ filingIds: [NO_SUCH], reason: "incomplete" }),
    relations: [
      { relation: "own", as: "gzjly", input: (fx) => ({ filingIds: [fx.filing["BA-0003"]], reason: "incomplete" }), expect: "CONFLICT", note: "R-FIL-2 already decided" },
      { relation: "own", as: "gzjly", input: (fx) => ({ filingIds: [fx.filing["BA-0015"]], reason: "other" }), expect: "BAD_REQUEST", note: "R-FIL-2 other needs text" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ filingIds: [fx.filing["BA-0015"]], reason: "incomplete" }), expect: "NOT_FOUND", note: "county on city's filing" },
    ],
  },
  "filing.confirm": {
    access: ["institution"],
    input: () => ({ filingIds: [NO_SUCH] }),
    relations: [
      { relation: "outOfScope", as: "gzjly", input: filingIds("BA-0014"), expect: "NOT_FOUND", note: "R-FIL-3 city cannot confirm for the county" },
      { relation: "outOfScope", as: "sqjg", input: filingIds("BA-0014"), expect: "NOT_FOUND", note: "authorised" },
      { relation: "own", as: "byjls", input: filingIds("BA-0001"), expect: "NOT_FOUND", note: "R-FIL-3 not assigned to it" },
    ],
  },
  "filing.decline": {
    access: ["institution"],
    input: () => ({ filingIds: [NO_SUCH] }),
    relations: [{ relation: "outOfScope", as: "gzjly", input: filingIds("BA-0014"), expect: "NOT_FOUND", note: "R-FIL-3 city cannot decline for the county" }],
  },
  "jurisdiction.counts": {
    access: ["institution", "regulator"],
    list: [
      { view: "all", input: () => undefined, count: (r) => (r as { counts: { all: number } }).counts.all, witness: "foreign_inst" },
      { view: "due", input: () => undefined, count: (r) => (r as { counts: { due: number } }).counts.due, witness: "foreign_inst", callers: ["gzjly", "byjls", ...REGULATORS] },
    ],
  },
  "jurisdiction.instruments": {
    access: ["institution", "regulator"],
    input: () => ({ bucket: "due", limit: 5 }),
    list: [{ view: "all", input: () => ({ bucket: "all", limit: 200 }), ids: itemsOf, foreign: foreignInstruments, witness: "foreign_inst" }],
  },
  "jurisdiction.enterprises": {
    access: ["institution", "regulator"],
    input: () => ({ limit: 5 }),
    list: [{ view: "申报企业", input: () => ({ limit: 200 }), ids: itemsOf, foreign: (ff) => [ff.org.enterprise, ff.org.pendingEnterprise], witness: "foreign_inst" }],
  },
};
/** Demo ledger instruments (seed "TZ-…"): the station's (jyzqy) and the hospital's (yyqy). */
const ins = (key: string) => (fx: Fixtures) => fx.instrument[key];
const STATION = "stationEnterprise:TZ-JYJ-0005";
const HOSPITAL = "hospitalEnterprise:TZ-TWJ-0014";
const idsOf = (key: string) => (fx: Fixtures) => ({ ids: [ins(key)(fx)] });
const fields = (fx: Fixtures, serialNo: string) => ({
  name: "燃油加油机", model: "CS46", serialNo, manufacturer: "策略测试厂", installLocation: "9号岛", countyCode: "440111",
  purpose: "trade", method: "on_site", kindId: fx.kind["燃油加油机"], status: "in_use",
});
const noSuchIds = () => ({ ids: [987654321] });
/**
 * Issue 10 item 1 (预约设置, platform holiday calendar, open slots). Each demo institution has one closed
 * day (appointment demo seed). Sweep inputs are refused as bad input or name no record: they change nothing.
 */
const appointmentCalendarPolicy: Record<string, PolicyEntry> = {
  "appointmentSettings.get": {
    access: ["institution"],
    relations: [{ relation: "own", as: "byjls", input: () => undefined, expect: "ok", note: "takes no id: only the caller's own institution's settings" }],
  },
  "appointmentSettings.saveSlots": {
    access: ["institution"],
    input: () => ({ slots: [] }),
    relations: [
      { relation: "own", as: "byjls", input: () => ({ slots: [{ label: "上午", startTime: "12:00", endTime: "08:30", capacitySendIn: 1, capacityOnSite: 1 }] }), expect: "BAD_REQUEST", note: "end before start" },
    ],
  },
  "appointmentSettings.addClosedDay": {
    access: ["institution"],
    input: () => ({ day: "2000-01-03", reason: "已过去的日期" }),
    relations: [{ relation: "own", as: "gzjly", input: () => ({ day: "2000-01-03", reason: "过去" }), expect: "BAD_REQUEST", note: "a past day" }],
  },
  "appointmentSettings.removeClosedDay": {
    access: ["institution"],
    input: () => ({ id: NO_SUCH }),
    relations: [
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ id: fx.closedDay.gzInstitute }), expect: "NOT_FOUND", note: "county on city's closed day" },
      { relation: "outOfScope", as: "sqjg", input: (fx) => ({ id: fx.closedDay.byInstitute }), expect: "NOT_FOUND", note: "authorised on legal's closed day" },
    ],
  },
  "holiday.list": {
    access: "signedIn",
    input: () => ({ year: 2026 }),
    relations: [{ relation: "otherInScope", as: "yyqy", input: () => ({ year: 2026 }), expect: "ok", note: "platform reference data, the same for everyone" }],
  },
  "holiday.add": {
    access: ["admin"],
    input: () => ({ day: "2026-02-30", kind: "holiday", name: "不存在的日期" }),
    relations: [{ relation: "own", as: "admin", input: () => ({ day: "2026-10-01", kind: "holiday", name: "国庆节" }), expect: "CONFLICT", note: "day already in the calendar" }],
  },
  "holiday.remove": {
    access: ["admin"],
    input: () => ({ day: "1999-06-30" }),
    relations: [{ relation: "own", as: "admin", input: () => ({ day: "1999-06-30" }), expect: "NOT_FOUND", note: "a day not in the calendar" }],
  },
  "appointment.openSlots": {
    access: ["enterprise", "institution"],
    input: (fx) => ({ institutionId: fx.org.gzInstitute, days: 7 }),
    relations: [
      { relation: "own", as: "gzjly", input: (fx) => ({ institutionId: fx.org.gzInstitute, days: 7 }), expect: "ok", note: "R-APT-5 own slots" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ institutionId: fx.org.gzInstitute, days: 7 }), expect: "NOT_FOUND", note: "another institution's slots" },
      { relation: "otherInScope", as: "jyzqy", input: (fx) => ({ institutionId: fx.org.byInstitute, days: 7 }), expect: "ok", note: "enterprise looks at an institution to book" },
      { relation: "outOfScope", as: "jyzqy", input: (fx) => ({ institutionId: fx.org.gzRegulator, days: 7 }), expect: "NOT_FOUND", note: "not an institution" },
    ],
  },
};

const enterpriseOnly = (extra: NonNullable<PolicyEntry["relations"]>): NonNullable<PolicyEntry["relations"]> => [
  ...extra,
  { relation: "otherInScope", as: "byjls", input: idsOf(STATION), expect: "FORBIDDEN", note: "R-LED-2 institutions do not keep ledgers" },
  { relation: "otherInScope", as: "byscjg", input: idsOf(STATION), expect: "FORBIDDEN", note: "R-LED-2 regulators do not keep ledgers" },
];

/**
 * Issue 13 (notifications). Messages and preferences are the caller's own (the user id is the scope: another
 * user's message id marks nothing); organisation contacts and webhook belong to the organisation's owner
 * (every demo account owns its organisation; a personal user owns none). Sweep inputs change nothing.
 */
const notifyPolicy: Record<string, PolicyEntry> = {
  "notification.list": {
    access: "signedIn",
    input: () => ({ limit: 5 }),
    relations: [{ relation: "own", as: "jyzqy", input: () => ({ limit: 5, unreadOnly: true }), expect: "ok", note: "own messages only: takes no user id" }],
  },
  "notification.unreadCount": { access: "signedIn", relations: [{ relation: "own", as: "jyzqy", input: () => undefined, expect: "ok", note: "own count" }] },
  "notification.markRead": {
    access: "signedIn",
    input: () => ({ ids: [NO_SUCH] }),
    relations: [{ relation: "own", as: "jyzqy", input: () => ({ ids: [] }), expect: "BAD_REQUEST", note: "at least one id" }],
  },
  "notification.markAllRead": { access: "signedIn", relations: [{ relation: "own", as: "yyqy", input: () => undefined, expect: "ok", note: "own messages only" }] },
  "notification.preferences": { access: "signedIn", relations: [{ relation: "own", as: "gzjly", input: () => undefined, expect: "ok", note: "own preferences" }] },
  "notification.savePreferences": {
    access: "signedIn",
    input: () => ({ items: [{ event: "fee_due", email: true, sms: false }] }),
    relations: [{ relation: "own", as: "jyzqy", input: () => ({ items: [{ event: "no_such_event", email: true, sms: true }] }), expect: "BAD_REQUEST", note: "unknown event" }],
  },
  "notification.orgSettings": {
    access: "signedIn",
    relations: [
      { relation: "own", as: "jyzqy", input: () => undefined, expect: "ok", note: "owner of the enterprise" },
      { relation: "outOfScope", as: "grlw", input: () => undefined, expect: "FORBIDDEN", note: "a personal user owns no organisation" },
    ],
  },
  "notification.saveContacts": {
    access: "signedIn",
    input: () => ({ contactPhone: "123" }),
    relations: [{ relation: "outOfScope", as: "grlw", input: () => ({ contactEmail: "" }), expect: "FORBIDDEN", note: "not an owner" }],
  },
  "notification.saveWebhook": {
    access: "signedIn",
    input: () => ({ url: "ftp://example.com/hook", secret: "0123456789abcdef" }),
    relations: [
      { relation: "own", as: "jyzqy", input: () => ({ url: "http://127.0.0.1:9/hook", secret: "0123456789abcdef" }), expect: "BAD_REQUEST", note: "SSRF: loopback refused" },
      { relation: "outOfScope", as: "grlw", input: () => ({ url: "http://203.0.113.1/hook", secret: "0123456789abcdef" }), expect: "FORBIDDEN", note: "not an owner" },
    ],
  },
  "notification.removeWebhook": { access: "signedIn", relations: [{ relation: "outOfScope", as: "grlw", input: () => undefined, expect: "FORBIDDEN", note: "not an owner" }] },
  "notification.testWebhook": {
    access: "signedIn",
    relations: [{ relation: "own", as: "yyqy", input: () => undefined, expect: "BAD_REQUEST", note: "no webhook set" }],
  },
};

export const policy: Record<string, PolicyEntry> = {
  "region.children": { access: "public", input: () => ({ parentCode: "4401" }) },
  "region.path": { access: "public", input: () => ({ code: "440111" }) },
  "catalogue.current": { access: "public" },
  "catalogue.importCsv": {
    access: ["admin"],
    input: () => ({ name: "检查", csv: "item_name,kind_name,supervision\n甲,乙,V\n", commit: false }),
    relations: [{ relation: "own", as: "admin", input: () => ({ name: "检查", csv: "\"未闭合", commit: false }), expect: "BAD_REQUEST", note: "R-CAT-3 unreadable CSV" }],
  },
  "me.home": {
    access: "signedIn",
    list: [
      {
        view: "instrument figure",
        input: () => undefined,
        count: (r) => (r as { figures: { value: number }[] }).figures[0]?.value ?? 0,
        witness: "foreign_ent",
        callers: [...ENTERPRISES, ...INSTITUTIONS, ...REGULATORS, "admin"],
      },
      {
        view: "enterprise figure",
        input: () => undefined,
        count: (r) => (r as { figures: { value: number }[] }).figures[1]?.value ?? 0,
        witness: "foreign_inst",
        callers: [...INSTITUTIONS, ...REGULATORS, "admin"],
      },
    ],
  },
  "organisation.byId": {
    access: "signedIn",
    input: orgById("stationEnterprise"),
    relations: [
      { relation: "own", as: "jyzqy", input: orgById("stationEnterprise"), expect: "ok" },
      { relation: "outOfScope", as: "jyzqy", input: orgById("hospitalEnterprise"), expect: "NOT_FOUND", note: "R-SCOPE-1" },
      { relation: "otherInScope", as: "gzjly", input: orgById("hospitalEnterprise"), expect: "ok", note: "R-SCOPE-2 city jurisdiction" },
      { relation: "otherInScope", as: "byjls", input: orgById("stationEnterprise"), expect: "ok", note: "R-SCOPE-2 county" },
      { relation: "outOfScope", as: "byjls", input: orgById("hospitalEnterprise"), expect: "NOT_FOUND", note: "R-SCOPE-2 Tianhe is not Baiyun" },
      { relation: "outOfScope", as: "sqjg", input: orgById("stationEnterprise"), expect: "NOT_FOUND", note: "R-SCOPE-2 authorised sees only filers" },
      { relation: "otherInScope", as: "gdscjg", input: orgById("hospitalEnterprise"), expect: "ok", note: "R-SCOPE-3 province" },
      { relation: "outOfScope", as: "gdscjg", input: (fx) => ({ id: fx.foreign!.org.enterprise }), expect: "NOT_FOUND", note: "R-SCOPE-3 another province" },
      { relation: "otherInScope", as: "byscjg", input: orgById("stationEnterprise"), expect: "ok", note: "R-SCOPE-3 county" },
      { relation: "outOfScope", as: "byscjg", input: orgById("hospitalEnterprise"), expect: "NOT_FOUND", note: "R-SCOPE-3 county" },
      { relation: "otherInScope", as: "admin", input: orgById("hospitalEnterprise"), expect: "ok" },
      { relation: "outOfScope", as: "jyzqy", input: () => ({ id: 987654321 }), expect: "NOT_FOUND", note: "no such record" },
      { relation: "own", as: "jyzqy", input: () => ({ id: "abc" }), expect: "BAD_REQUEST", note: "malformed id" },
    ],
  },
  "admin.auditLog": {
    access: ["admin"],
    input: () => ({ limit: 5 }),
    relations: [{ relation: "otherInScope", as: "admin", input: () => ({ limit: 5, entityType: "database" }), expect: "ok", note: "the administrator reads every organisation's audit" }],
  },
  "admin.users": {
    access: ["admin"],
    input: () => ({ limit: 5, q: "示例" }),
    list: [{ view: "every user", input: () => ({ limit: 200 }), ids: itemsOf, witness: "admin", callers: ["admin"] }],
  },
  ...filingPolicy,
  ...appointmentCalendarPolicy,
  // Issue 10 — booking (enterprise side)

  // Issue 10 — institution confirmation and appointment sheet
  ...appointmentDeskPolicy,

  // Issue 10 — reception and results

  // Issue 10 — certificates, fees, downloads

  // Issue 12 — regulator workspace

  // Issue 13 — notifications
  ...notifyPolicy,

  // Issue 11 — public portal (the /v/, /i/, search and label routes are route handlers: tests/public/*)
  "directory.authorisation": {
    access: ["institution", "admin"],
    input: (fx) => ({ orgId: fx.org.gzInstitute }),
    relations: [
      { relation: "own", as: "gzjly", input: () => ({}), expect: "ok", note: "issue 11 #5 own authorisation" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ orgId: fx.org.gzInstitute }), expect: "NOT_FOUND", note: "another institution's" },
      { relation: "otherInScope", as: "admin", input: (fx) => ({ orgId: fx.org.gzInstitute }), expect: "ok", note: "administrator keeps any institution's" },
    ],
  },
  "directory.updateAuthorisation": {
    access: ["institution", "admin"],
    input: () => ({ orgId: NO_SUCH, authorisationCertNo: "X", authorisationValidUntil: "2030-01-01" }),
    relations: [
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ orgId: fx.org.gzInstitute, authorisationCertNo: "X", authorisationValidUntil: "2030-01-01" }), expect: "NOT_FOUND", note: "issue 11 #5 another institution's" },
      { relation: "outOfScope", as: "admin", input: () => ({ orgId: NO_SUCH, authorisationCertNo: "X", authorisationValidUntil: "2030-01-01" }), expect: "NOT_FOUND", note: "no such institution" },
    ],
  },

  // Accounts (issue 3). Public steps answer everyone; sweep inputs are harmless (bad codes, unknown ids).
  "account.requestRegisterCode": { access: "public", input: () => ({ phone: "13900000999" }) },
  "account.requestResetCode": { access: "public", input: () => ({ username: "nobody1", phone: "13900000998" }) },
  "account.resetPassword": {
    access: "public",
    input: () => ({ username: "nobody1", phone: "13900000998", code: "000000", password: "Abcdef12", confirmPassword: "Abcdef12" }),
  },
  "accountAdmin.disableUser": {
    access: ["admin"],
    input: () => ({ id: 987654321 }),
    relations: [{ relation: "outOfScope", as: "admin", input: () => ({ id: 987654321 }), expect: "NOT_FOUND", note: "no such user" }],
  },
  "accountAdmin.enableUser": {
    access: ["admin"],
    input: (fx) => ({ id: fx.user.yyqy }),
    relations: [{ relation: "outOfScope", as: "admin", input: () => ({ id: 987654321 }), expect: "NOT_FOUND", note: "no such user" }],
  },
  "accountAdmin.forcePasswordReset": {
    access: ["admin"],
    input: () => ({ id: 987654321 }),
    relations: [{ relation: "outOfScope", as: "admin", input: () => ({ id: 987654321 }), expect: "NOT_FOUND", note: "no such user" }],
  },
  "accountAdmin.outbox": {
    access: ["admin"],
    input: () => ({ limit: 5 }),
    relations: [{ relation: "otherInScope", as: "admin", input: () => ({ limit: 5, recipient: "13800000001" }), expect: "ok", note: "the administrator reads every message" }],
  },
  "accountAdmin.retryOutbox": {
    access: ["admin"],
    input: () => ({ id: 987654321 }),
    relations: [{ relation: "outOfScope", as: "admin", input: () => ({ id: 987654321 }), expect: "NOT_FOUND", note: "no such message" }],
  },
  "registration.queue": {
    access: ["institution", "admin"],
    input: () => ({ limit: 5 }),
    // Only the city legal institution and the administrator review registrations (R-ACC-3); the others get none.
    list: [{ view: "pending", input: () => ({ limit: 200 }), ids: itemsOf, foreign: (ff) => [ff.org.pendingEnterprise], witness: "admin", callers: ["gzjly"] }],
  },
  "registration.byId": {
    access: ["institution", "admin"],
    input: orgById("pendingEnterprise"),
    relations: [
      { relation: "otherInScope", as: "gzjly", input: orgById("pendingEnterprise"), expect: "ok", note: "R-ACC-3 city legal institution reviews its city's enterprises" },
      { relation: "outOfScope", as: "gzjly", input: orgById("pendingInstitution"), expect: "NOT_FOUND", note: "R-ACC-3 institutions are reviewed by admins only" },
      { relation: "outOfScope", as: "gzjly", input: orgById("pendingRegulator"), expect: "NOT_FOUND", note: "R-ACC-3 regulators are reviewed by admins only" },
      { relation: "outOfScope", as: "byjls", input: orgById("pendingEnterprise"), expect: "NOT_FOUND", note: "R-ACC-3 county institution is no reviewer" },
      { relation: "outOfScope", as: "sqjg", input: orgById("pendingEnterprise"), expect: "NOT_FOUND", note: "R-ACC-3 authorised institution is no reviewer" },
      { relation: "otherInScope", as: "admin", input: orgById("pendingInstitution"), expect: "ok", note: "R-ACC-3 admin reviews institutions" },
      { relation: "otherInScope", as: "admin", input: orgById("pendingRegulator"), expect: "ok", note: "R-ACC-3 admin reviews regulators" },
      { relation: "outOfScope", as: "admin", input: orgById("platform"), expect: "NOT_FOUND", note: "the platform is no registration" },
    ],
  },
  "registration.approve": {
    access: ["institution", "admin"],
    input: () => ({ id: 987654321 }),
    relations: [
      { relation: "outOfScope", as: "gzjly", input: orgById("pendingInstitution"), expect: "NOT_FOUND", note: "R-ACC-3" },
      { relation: "outOfScope", as: "byjls", input: orgById("pendingEnterprise"), expect: "NOT_FOUND", note: "R-ACC-3" },
      { relation: "outOfScope", as: "sqjg", input: orgById("pendingEnterprise"), expect: "NOT_FOUND", note: "R-ACC-3" },
    ],
  },
  "registration.reject": {
    access: ["institution", "admin"],
    input: () => ({ id: 987654321, reason: "材料不全" }),
    relations: [
      { relation: "outOfScope", as: "gzjly", input: (fx) => ({ id: fx.org.pendingRegulator, reason: "x" }), expect: "NOT_FOUND", note: "R-ACC-3" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ id: fx.org.pendingEnterprise, reason: "x" }), expect: "NOT_FOUND", note: "R-ACC-3" },
      { relation: "own", as: "gzjly", input: (fx) => ({ id: fx.org.pendingEnterprise, reason: "" }), expect: "BAD_REQUEST", note: "reason required" },
    ],
  },
  "registration.mine": {
    access: "signedIn",
    relations: [
      { relation: "own", as: "hzcyqy", input: () => undefined, expect: "ok", note: "R-ACC-3 a pending applicant sees its review state" },
      { relation: "own", as: "admin", input: () => undefined, expect: "NOT_FOUND", note: "the platform has no registration" },
    ],
  },
  "membership.requestJoin": {
    access: ["personal"],
    input: () => ({ uscc: "91440106MA5D3M201U" }),
    relations: [
      { relation: "own", as: "grlw", input: () => ({ uscc: "91440106MA5D3M201V" }), expect: "BAD_REQUEST", note: "R-ACC-1 bad check digit" },
      { relation: "outOfScope", as: "grlw", input: () => ({ uscc: "91440105MA5AAAAA01" }), expect: "NOT_FOUND", note: "pending enterprises cannot be joined" },
    ],
  },
  "membership.mine": {
    access: ["personal"],
    relations: [{ relation: "own", as: "grlw", input: () => undefined, expect: "ok" }],
    list: [{ view: "own requests", input: () => undefined, ids: rowsOf, foreign: (ff) => [ff.membership], witness: "foreign_person", callers: ["grlw"] }],
  },
  "membership.list": {
    access: ["enterprise"],
    input: () => ({}),
    list: [{ view: "members and requests", input: () => ({}), ids: rowsOf, foreign: (ff) => [ff.membership], witness: "foreign_ent" }],
  },
  "membership.approve": {
    access: ["enterprise"],
    input: () => ({ id: 987654321 }),
    relations: [
      { relation: "outOfScope", as: "yyqy", input: (fx) => ({ id: fx.membership.grlw }), expect: "NOT_FOUND", note: "R-SCOPE-1 another enterprise's request" },
    ],
  },
  "membership.reject": {
    access: ["enterprise"],
    input: () => ({ id: 987654321 }),
    relations: [
      { relation: "outOfScope", as: "yyqy", input: (fx) => ({ id: fx.membership.grlw }), expect: "NOT_FOUND", note: "R-SCOPE-1 another enterprise's request" },
    ],
  },
  "membership.remove": {
    access: ["enterprise"],
    input: () => ({ id: 987654321 }),
    relations: [
      { relation: "outOfScope", as: "yyqy", input: (fx) => ({ id: fx.membership.grlw }), expect: "NOT_FOUND", note: "R-SCOPE-1" },
      { relation: "own", as: "jyzqy", input: (fx) => ({ id: fx.membership.grlw }), expect: "CONFLICT", note: "a pending request is not a member yet" },
    ],
  },
  "department.list": {
    access: ["enterprise"],
    list: [{ view: "departments", input: () => undefined, ids: rowsOf, foreign: (ff) => [ff.department], witness: "foreign_ent", callers: ["jyzqy"] }],
  },
  "department.create": {
    access: ["enterprise"],
    input: () => ({ name: "九个字的部门名称啊" }),
    relations: [{ relation: "own", as: "jyzqy", input: () => ({ name: "九个字的部门名称啊" }), expect: "BAD_REQUEST", note: "name at most 8 characters" }],
  },
  "department.rename": {
    access: ["enterprise"],
    input: () => ({ id: 987654321, name: "新名称" }),
    relations: [
      { relation: "outOfScope", as: "yyqy", input: (fx) => ({ id: fx.department["加油作业区"], name: "改名" }), expect: "NOT_FOUND", note: "R-SCOPE-1" },
      { relation: "own", as: "jyzqy", input: (fx) => ({ id: fx.department["加油作业区"], name: "设备管理部" }), expect: "CONFLICT", note: "unique name" },
    ],
  },
  "department.remove": {
    access: ["enterprise"],
    input: () => ({ id: 987654321 }),
    relations: [{ relation: "outOfScope", as: "yyqy", input: (fx) => ({ id: fx.department["设备管理部"] }), expect: "NOT_FOUND", note: "R-SCOPE-1" }],
  },
  "profile.get": { access: "signedIn", relations: [{ relation: "own", as: "jyzqy", input: () => undefined, expect: "ok", note: "own account only: takes no id" }] },
  "profile.changePassword": {
    access: "signedIn",
    input: () => ({ oldPassword: "wrong-Password1", password: "Newpass123", confirmPassword: "Newpass123" }),
    relations: [
      { relation: "own", as: "yyqy", input: () => ({ oldPassword: "wrong-Password1", password: "Newpass123", confirmPassword: "Newpass123" }), expect: "BAD_REQUEST", note: "R-ACC-4 old password checked" },
    ],
  },
  "profile.updateContact": {
    access: "signedIn",
    input: () => ({ displayName: "某", phone: "123", email: "" }),
    relations: [
      { relation: "own", as: "jyzqy", input: () => ({ displayName: "加油站计量员", phone: "13900001111", email: "" }), expect: "ok", note: "own account only: takes no id" },
      { relation: "own", as: "jyzqy", input: () => ({ displayName: "某", phone: "123", email: "" }), expect: "BAD_REQUEST", note: "bad phone" },
    ],
  },

  // Ledger (SPEC §5): enterprise-only, always the caller's own instruments; details follow R-SCOPE.
  "ledger.list": {
    access: ["enterprise"],
    input: () => ({ limit: 5 }),
    list: [
      { view: "newest", input: () => ({ limit: 200 }), ids: itemsOf, foreign: foreignInstruments, witness: "foreign_ent" },
      { view: "by name", input: () => ({ limit: 200, sort: "name" }), ids: itemsOf, foreign: foreignInstruments, witness: "foreign_ent" },
    ],
  },
  "ledger.counts": {
    access: ["enterprise"],
    input: () => ({}),
    list: [
      { view: "total", input: () => ({}), count: (r) => (r as { total: number }).total, witness: "foreign_ent" },
      { view: "due", input: () => ({}), count: (r) => (r as { due: number }).due, witness: "foreign_ent" },
    ],
  },
  "ledger.options": {
    access: ["enterprise"],
    list: [
      { view: "departments", input: () => undefined, ids: (r) => (r as { departments: Row[] }).departments.map((d) => d.id), foreign: (ff) => [ff.department], witness: "foreign_ent", callers: ["jyzqy"] },
    ],
  },
  "ledger.byId": {
    access: ["enterprise", "institution", "regulator", "admin"],
    input: () => ({ id: 987654321 }),
    relations: [
      { relation: "own", as: "jyzqy", input: (fx) => ({ id: ins(STATION)(fx) }), expect: "ok" },
      { relation: "outOfScope", as: "jyzqy", input: (fx) => ({ id: ins(HOSPITAL)(fx) }), expect: "NOT_FOUND", note: "R-SCOPE-1 another enterprise's instrument" },
      { relation: "otherInScope", as: "byjls", input: (fx) => ({ id: ins(STATION)(fx) }), expect: "ok", note: "R-SCOPE-2 county" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ id: ins(HOSPITAL)(fx) }), expect: "NOT_FOUND", note: "R-SCOPE-2 Tianhe is not Baiyun" },
      { relation: "outOfScope", as: "sqjg", input: (fx) => ({ id: ins(STATION)(fx) }), expect: "NOT_FOUND", note: "R-SCOPE-2 authorised sees only filers" },
      { relation: "otherInScope", as: "gdscjg", input: (fx) => ({ id: ins(HOSPITAL)(fx) }), expect: "ok", note: "R-SCOPE-3 province" },
      { relation: "outOfScope", as: "byscjg", input: (fx) => ({ id: ins(HOSPITAL)(fx) }), expect: "NOT_FOUND", note: "R-SCOPE-3 county" },
      { relation: "outOfScope", as: "gdscjg", input: (fx) => ({ id: fx.foreign!.instrument.filed }), expect: "NOT_FOUND", note: "R-SCOPE-3 another province" },
      { relation: "outOfScope", as: "gzjly", input: (fx) => ({ id: fx.foreign!.instrument.filed }), expect: "NOT_FOUND", note: "R-SCOPE-2 another province's institution" },
      { relation: "otherInScope", as: "admin", input: (fx) => ({ id: fx.foreign!.instrument.filed }), expect: "ok", note: "the administrator sees every province" },
    ],
  },
  "ledger.create": {
    access: ["enterprise"],
    input: () => ({}),
    relations: [
      { relation: "own", as: "jyzqy", input: (fx) => fields(fx, "POLICY-NEW-1"), expect: "ok" },
      { relation: "own", as: "jyzqy", input: (fx) => ({ ...fields(fx, "POLICY-NEW-2"), copiedFrom: ins(STATION)(fx) }), expect: "ok", note: "R-LED-2 copy" },
      { relation: "outOfScope", as: "jyzqy", input: (fx) => ({ ...fields(fx, "POLICY-NEW-3"), copiedFrom: ins(HOSPITAL)(fx) }), expect: "NOT_FOUND", note: "R-SCOPE-1 copy from another enterprise" },
      { relation: "own", as: "jyzqy", input: (fx) => fields(fx, "POLICY-NEW-1"), expect: "CONFLICT", note: "R-LED-1 duplicate" },
      { relation: "otherInScope", as: "byjls", input: (fx) => fields(fx, "POLICY-NEW-4"), expect: "FORBIDDEN", note: "R-LED-2 institutions do not keep ledgers" },
    ],
  },
  "ledger.update": {
    access: ["enterprise"],
    input: () => ({}),
    relations: [
      { relation: "own", as: "yyqy", input: (fx) => ({ id: ins(HOSPITAL)(fx), fields: { ...fields(fx, "TZ-TWJ-0014"), countyCode: "440106" } }), expect: "ok" },
      { relation: "outOfScope", as: "jyzqy", input: (fx) => ({ id: ins(HOSPITAL)(fx), fields: fields(fx, "X-1") }), expect: "NOT_FOUND", note: "R-SCOPE-1" },
      { relation: "otherInScope", as: "gzscjg", input: (fx) => ({ id: ins(STATION)(fx), fields: fields(fx, "X-2") }), expect: "FORBIDDEN" },
    ],
  },
  "ledger.stop": {
    access: ["enterprise"],
    input: noSuchIds,
    relations: enterpriseOnly([
      { relation: "own", as: "jyzqy", input: idsOf("stationEnterprise:TZ-JYJ-0003"), expect: "ok", note: "R-LED-2 stop from in use" },
      { relation: "outOfScope", as: "jyzqy", input: idsOf(HOSPITAL), expect: "NOT_FOUND", note: "R-SCOPE-1" },
    ]),
  },
  "ledger.enable": {
    access: ["enterprise"],
    input: noSuchIds,
    relations: enterpriseOnly([
      { relation: "own", as: "jyzqy", input: idsOf("stationEnterprise:TZ-JYJ-0023"), expect: "ok", note: "R-LED-2 enable from stopped" },
      { relation: "own", as: "jyzqy", input: idsOf(STATION), expect: "CONFLICT", note: "R-LED-2 already in use" },
      { relation: "outOfScope", as: "yyqy", input: idsOf(STATION), expect: "NOT_FOUND", note: "R-SCOPE-1" },
    ]),
  },
  "ledger.scrap": {
    access: ["enterprise"],
    input: noSuchIds,
    relations: enterpriseOnly([
      { relation: "own", as: "yyqy", input: idsOf("hospitalEnterprise:TZ-TWJ-0016"), expect: "ok", note: "R-LED-2 scrap from stopped" },
      { relation: "outOfScope", as: "jyzqy", input: idsOf("hospitalEnterprise:TZ-TWJ-0016"), expect: "NOT_FOUND", note: "R-SCOPE-1" },
    ]),
  },
  "ledger.remove": {
    access: ["enterprise"],
    input: noSuchIds,
    relations: enterpriseOnly([
      { relation: "own", as: "yyqy", input: idsOf("hospitalEnterprise:TZ-SB-0002"), expect: "ok", note: "R-LED-2 delete a never-filed instrument" },
      { relation: "own", as: "jyzqy", input: idsOf("stationEnterprise:TZ-JYJ-0002"), expect: "CONFLICT", note: "R-LED-2 a filed instrument is never deleted" },
      { relation: "outOfScope", as: "jyzqy", input: idsOf("hospitalEnterprise:TZ-SB-0003"), expect: "NOT_FOUND", note: "R-SCOPE-1" },
    ]),
  },
  "ledger.deleteAttachment": {
    access: ["enterprise"],
    input: () => ({ instrumentId: 987654321, attachmentId: 987654321 }),
    relations: [
      { relation: "outOfScope", as: "jyzqy", input: (fx) => ({ instrumentId: ins(HOSPITAL)(fx), attachmentId: 1 }), expect: "NOT_FOUND", note: "R-SCOPE-1" },
      { relation: "own", as: "jyzqy", input: (fx) => ({ instrumentId: ins(STATION)(fx), attachmentId: 987654321 }), expect: "NOT_FOUND", note: "no such attachment" },
      { relation: "otherInScope", as: "byjls", input: (fx) => ({ instrumentId: ins(STATION)(fx), attachmentId: 1 }), expect: "FORBIDDEN" },
    ],
  },
  "ledger.importRows": {
    access: ["enterprise"],
    input: () => ({ rows: [{ rowNumber: 2, cells: { 器具名称: "仅校验" } }] }),
    relations: [
      { relation: "own", as: "jyzqy", input: () => ({ rows: [{ rowNumber: 2, cells: {} }] }), expect: "ok", note: "R-LED-5 a bad row is a per-row result" },
      { relation: "otherInScope", as: "sqjg", input: () => ({ rows: [{ rowNumber: 2, cells: {} }] }), expect: "FORBIDDEN" },
    ],
  },
};
