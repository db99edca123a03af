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
 * Issue 12 (regwork): the regulator workspace's supervision lists, notices, task assignment, dispensers and
 * duplicates. Levels: gdscjg (Guangdong), gzscjg (Guangzhou), byscjg (Baiyun). Demo: the station (Baiyun) and
 * the hospital (Tianhe); BA-0015 pending at gzjly, BA-0014 assigned gzjly → byjls; YY-0001 submitted and
 * YY-0004 confirmed (station, byjls), YY-0101 confirmed (hospital, gzjly); notices by region: "44" and "4401"
 * published, "440111" a draft. Sweep inputs name no record or are refused: they change nothing.
 */
function regwork(): Record<string, PolicyEntry> {
  const LEVELS: [DemoAccount, string][] = [["gdscjg", "province"], ["gzscjg", "city"], ["byscjg", "county"]];
  const ownAtEveryLevel = (input: (fx: Fixtures) => unknown) =>
    LEVELS.map(([as, level]) => ({ relation: "own" as const, as, input, expect: "ok" as const, note: `issue 12 ${level} regulator` }));
  const regionRelations = (extra: Record<string, unknown> = {}) => [
    ...ownAtEveryLevel(() => ({ ...extra, limit: 5 })),
    { relation: "otherInScope" as const, as: "gdscjg" as const, input: () => ({ ...extra, region: "440111" }), expect: "ok" as const, note: "R-SCOPE-3 province drills to a county" },
    { relation: "otherInScope" as const, as: "gzscjg" as const, input: () => ({ ...extra, region: "440111" }), expect: "ok" as const, note: "R-SCOPE-3 city drills to its county" },
    { relation: "outOfScope" as const, as: "gzscjg" as const, input: () => ({ ...extra, region: "4403" }), expect: "NOT_FOUND" as const, note: "R-SCOPE-3 another city" },
    { relation: "outOfScope" as const, as: "byscjg" as const, input: () => ({ ...extra, region: "440106" }), expect: "NOT_FOUND" as const, note: "R-SCOPE-3 a sibling county" },
    { relation: "outOfScope" as const, as: "byscjg" as const, input: () => ({ ...extra, region: "4401" }), expect: "NOT_FOUND" as const, note: "R-SCOPE-3 drilling up out of the subtree" },
    { relation: "outOfScope" as const, as: "gdscjg" as const, input: () => ({ ...extra, region: "430102" }), expect: "NOT_FOUND" as const, note: "R-SCOPE-3 another province" },
  ];
  const fields = { serialNo: "策略-JYJ-1", manufacturer: "策略测试厂", model: "CS46", nozzleCount: 4, mcuVersion: "V1", encoderVersion: "E1", antiCheatVersion: "F1" };
  const move = (kind: "filing" | "appointment", id: number, targetInstitutionId: number) => ({ kind, id, targetInstitutionId, reason: "策略检查" });
  return {
    "supervision.options": { access: ["regulator"], relations: ownAtEveryLevel(() => undefined) },
    "supervision.instruments": {
      access: ["regulator"],
      input: () => ({ limit: 5 }),
      relations: [
        ...regionRelations(),
        { relation: "own", as: "gzscjg", input: () => ({ bucket: "sometimes" }), expect: "BAD_REQUEST", note: "issue 12 unknown bucket" },
        { relation: "own", as: "gzscjg", input: () => ({ item: NO_SUCH }), expect: "BAD_REQUEST", note: "issue 12 unknown catalogue item" },
        { relation: "own", as: "gzscjg", input: () => ({ institution: NO_SUCH }), expect: "BAD_REQUEST", note: "issue 12 unknown institution" },
        { relation: "own", as: "gzscjg", input: () => ({ purpose: "fun" }), expect: "BAD_REQUEST", note: "issue 12 unknown purpose" },
      ],
    },
    "supervision.warnings": {
      access: ["regulator"],
      input: () => ({ bucket: "overdue", limit: 5 }),
      relations: [...regionRelations({ bucket: "overdue" }), { relation: "own", as: "byscjg", input: () => ({ bucket: "due" }), expect: "BAD_REQUEST", note: "issue 12 warnings are overdue, invalid or failed only" }],
    },
    "supervision.duplicates": { access: ["regulator"], input: () => ({ limit: 5 }), relations: ownAtEveryLevel(() => ({ limit: 5 })) },
    "notice.list": { access: ["regulator"], input: () => ({ limit: 5 }), relations: ownAtEveryLevel(() => ({ limit: 5 })) },
    "notice.byId": {
      access: ["regulator"],
      input: () => ({ id: NO_SUCH }),
      relations: [
        { relation: "own", as: "gdscjg", input: (fx) => ({ id: fx.notice["44"] }), expect: "ok", note: "issue 12 own notice" },
        { relation: "otherInScope", as: "gdscjg", input: (fx) => ({ id: fx.notice["440111"] }), expect: "ok", note: "issue 12 province sees a county's draft" },
        { relation: "otherInScope", as: "gzscjg", input: (fx) => ({ id: fx.notice["440111"] }), expect: "ok", note: "issue 12 city sees its county's draft" },
        { relation: "outOfScope", as: "gzscjg", input: (fx) => ({ id: fx.notice["44"] }), expect: "NOT_FOUND", note: "issue 12 a city cannot edit the province's notice" },
        { relation: "outOfScope", as: "byscjg", input: (fx) => ({ id: fx.notice["4401"] }), expect: "NOT_FOUND", note: "issue 12 a county cannot edit the city's notice" },
      ],
    },
    "notice.create": {
      access: ["regulator"],
      input: () => ({ title: "空", bodyHtml: "<script>alert(1)</script>" }),
      relations: [
        { relation: "own", as: "byscjg", input: () => ({ title: "区局通知（策略）", bodyHtml: "<p>正文</p>" }), expect: "ok", note: "issue 12 county regulator writes a notice" },
        { relation: "own", as: "gzscjg", input: () => ({ title: "只有脚本", bodyHtml: "<script>alert(1)</script>" }), expect: "BAD_REQUEST", note: "issue 12 a text that is only script is refused" },
      ],
    },
    "notice.update": {
      access: ["regulator"],
      input: () => ({ id: NO_SUCH, title: "x", bodyHtml: "<p>x</p>" }),
      relations: [
        { relation: "own", as: "byscjg", input: (fx) => ({ id: fx.notice["440111"], title: "白云区医疗卫生计量器具检定提醒（草稿，示例）", bodyHtml: "<p>请按期申请检定。</p>" }), expect: "ok", note: "issue 12 own draft" },
        { relation: "outOfScope", as: "gzscjg", input: (fx) => ({ id: fx.notice["44"], title: "x", bodyHtml: "<p>x</p>" }), expect: "NOT_FOUND", note: "issue 12 the province's notice" },
        { relation: "outOfScope", as: "byscjg", input: (fx) => ({ id: fx.notice["4401"], title: "x", bodyHtml: "<p>x</p>" }), expect: "NOT_FOUND", note: "issue 12 the city's notice" },
      ],
    },
    "notice.publish": {
      access: ["regulator"],
      input: () => ({ id: NO_SUCH }),
      relations: [
        { relation: "outOfScope", as: "byscjg", input: (fx) => ({ id: fx.notice["4401"] }), expect: "NOT_FOUND", note: "issue 12 the city's notice" },
        { relation: "own", as: "gdscjg", input: (fx) => ({ id: fx.notice["44"] }), expect: "CONFLICT", note: "issue 12 already published" },
      ],
    },
    "notice.withdraw": {
      access: ["regulator"],
      input: () => ({ id: NO_SUCH }),
      relations: [
        { relation: "outOfScope", as: "gzscjg", input: (fx) => ({ id: fx.notice["44"] }), expect: "NOT_FOUND", note: "issue 12 the province's notice" },
        { relation: "own", as: "byscjg", input: (fx) => ({ id: fx.notice["440111"] }), expect: "CONFLICT", note: "issue 12 a draft is not published" },
      ],
    },
    "publicNotice.list": { access: "public", input: () => ({ limit: 5 }) },
    "publicNotice.byId": { access: "public", input: () => ({ id: NO_SUCH }) },
    "regulatorTask.filings": { access: ["regulator"], input: () => ({ limit: 5 }), relations: ownAtEveryLevel(() => ({ limit: 5 })) },
    "regulatorTask.appointments": { access: ["regulator"], input: () => ({ limit: 5 }), relations: ownAtEveryLevel(() => ({ limit: 5 })) },
    "regulatorTask.targets": {
      access: ["regulator"],
      input: () => ({ kind: "filing", id: NO_SUCH }),
      relations: [
        { relation: "own", as: "gzscjg", input: (fx) => ({ kind: "filing", id: fx.filing["BA-0015"] }), expect: "ok", note: "issue 12 city, station's pending filing" },
        { relation: "own", as: "byscjg", input: (fx) => ({ kind: "appointment", id: fx.appointment["YY-0001"] }), expect: "ok", note: "issue 12 county, station's appointment" },
        { relation: "otherInScope", as: "gdscjg", input: (fx) => ({ kind: "appointment", id: fx.appointment["YY-0101"] }), expect: "ok", note: "issue 12 province, hospital's appointment" },
        { relation: "outOfScope", as: "byscjg", input: (fx) => ({ kind: "appointment", id: fx.appointment["YY-0101"] }), expect: "NOT_FOUND", note: "issue 12 county, another county's appointment" },
        { relation: "outOfScope", as: "gdscjg", input: (fx) => ({ kind: "filing", id: fx.foreign!.filing.pending }), expect: "NOT_FOUND", note: "issue 12 another province's filing" },
        { relation: "outOfScope", as: "gdscjg", input: (fx) => ({ kind: "appointment", id: fx.foreign!.appointment.confirmed }), expect: "NOT_FOUND", note: "issue 12 another province's appointment" },
      ],
    },
    "regulatorTask.move": {
      access: ["regulator"],
      input: () => move("filing", NO_SUCH, NO_SUCH),
      relations: [
        { relation: "outOfScope", as: "gdscjg", input: (fx) => move("filing", fx.foreign!.filing.pending, fx.org.gzInstitute!), expect: "NOT_FOUND", note: "issue 12 another province's filing" },
        { relation: "outOfScope", as: "byscjg", input: (fx) => move("appointment", fx.appointment["YY-0101"]!, fx.org.byInstitute!), expect: "NOT_FOUND", note: "issue 12 another county's appointment" },
        { relation: "own", as: "byscjg", input: (fx) => move("filing", fx.filing["BA-0015"]!, fx.org.gzInstitute!), expect: "BAD_REQUEST", note: "issue 12 target outside the county regulator's scope" },
        { relation: "own", as: "gzscjg", input: (fx) => move("filing", fx.filing["BA-0015"]!, fx.foreign!.org.institute), expect: "BAD_REQUEST", note: "issue 12 target in another province" },
      ],
    },
    "dispenser.list": {
      access: ["regulator"],
      input: () => ({ limit: 5 }),
      relations: [
        ...ownAtEveryLevel(() => ({ limit: 5 })),
        { relation: "otherInScope", as: "gzscjg", input: (fx) => ({ enterpriseId: fx.org.stationEnterprise }), expect: "ok", note: "issue 12 a station in the city" },
        { relation: "outOfScope", as: "byscjg", input: (fx) => ({ enterpriseId: fx.org.hospitalEnterprise }), expect: "NOT_FOUND", note: "issue 12 an enterprise of another county" },
        { relation: "outOfScope", as: "gdscjg", input: (fx) => ({ enterpriseId: fx.foreign!.org.enterprise }), expect: "NOT_FOUND", note: "issue 12 an enterprise of another province" },
        { relation: "own", as: "gzscjg", input: () => ({ versionField: "firmware", versionValue: "1" }), expect: "BAD_REQUEST", note: "issue 12 unknown version field" },
      ],
    },
    "dispenser.create": {
      access: ["regulator"],
      input: () => ({ ...fields, enterpriseId: NO_SUCH }),
      relations: [
        { relation: "own", as: "byscjg", input: (fx) => ({ ...fields, enterpriseId: fx.org.stationEnterprise }), expect: "ok", note: "issue 12 county regulator records a station's dispenser" },
        { relation: "outOfScope", as: "byscjg", input: (fx) => ({ ...fields, enterpriseId: fx.org.hospitalEnterprise }), expect: "NOT_FOUND", note: "issue 12 an enterprise of another county" },
        { relation: "outOfScope", as: "gzscjg", input: (fx) => ({ ...fields, enterpriseId: fx.foreign!.org.enterprise }), expect: "NOT_FOUND", note: "issue 12 an enterprise of another province" },
      ],
    },
  };
}

/**
 * Issue 10 booking (enterprise side). Own appointments: YY-0001 submitted, YY-0002 rejected, YY-0003 draft,
 * YY-0004/0005 confirmed (station, on-site at byjls). Foreign: fx.foreign appointments (Hunan). Mutations in the
 * relations never succeed (a refused own input or an out-of-scope record), so they leave the demo data as it is.
 */
const appointmentOf = (serial: string) => (fx: Fixtures) => ({ id: fx.appointment[serial] });
const foreignAppointment = (fx: Fixtures) => ({ id: fx.foreign!.appointment.confirmed });
const bookingFields = (serials: string[], day = "2020-01-06") => (fx: Fixtures) => ({
  instrumentIds: serials.map((s) => fx.instrument[s]),
  day,
  slotStart: "08:30",
  contactName: "张三",
  contactPhone: "13800000000",
});
const bookingPolicy: Record<string, PolicyEntry> = {
  "booking.list": {
    access: ["enterprise"],
    input: () => ({ limit: 5 }),
    list: [
      { view: "my appointments", input: () => ({ limit: 200 }), ids: itemsOf, foreign: (ff) => Object.values(ff.appointment), witness: "foreign_ent" },
    ],
  },
  "booking.candidates": {
    access: ["enterprise"],
    input: () => ({ limit: 5 }),
    list: [{ view: "bookable instruments", input: () => ({ limit: 200 }), ids: itemsOf, foreign: foreignInstruments, witness: "foreign_ent" }],
  },
  "booking.get": {
    access: ["enterprise"],
    input: () => ({ id: NO_SUCH }),
    relations: [
      { relation: "own", as: "jyzqy", input: appointmentOf("YY-0003"), expect: "ok", note: "own draft" },
      { relation: "outOfScope", as: "yyqy", input: appointmentOf("YY-0003"), expect: "NOT_FOUND", note: "R-SCOPE-4 another enterprise's appointment" },
      { relation: "outOfScope", as: "jyzqy", input: foreignAppointment, expect: "NOT_FOUND", note: "R-SCOPE-4 foreign appointment" },
    ],
  },
  "booking.split": {
    access: ["enterprise"],
    input: () => ({ instrumentIds: [NO_SUCH] }),
    relations: [
      { relation: "own", as: "jyzqy", input: (fx) => ({ instrumentIds: [fx.instrument["BA-0001"]] }), expect: "ok", note: "R-APT-2 own instruments" },
      { relation: "outOfScope", as: "jyzqy", input: (fx) => ({ instrumentIds: [fx.foreign!.instrument.filed] }), expect: "NOT_FOUND", note: "R-SCOPE-4 foreign instrument" },
      { relation: "outOfScope", as: "yyqy", input: (fx) => ({ instrumentIds: [fx.instrument["BA-0001"]] }), expect: "NOT_FOUND", note: "R-SCOPE-4 another enterprise's instrument" },
    ],
  },
  "booking.create": {
    access: ["enterprise"],
    input: () => ({ appointments: [{ ...bookingFields([])({} as Fixtures), instrumentIds: [NO_SUCH] }] }),
    relations: [
      { relation: "own", as: "jyzqy", input: (fx) => ({ appointments: [bookingFields(["BA-0001"])(fx)] }), expect: "BAD_REQUEST", note: "R-APT-5 a past day is refused" },
      { relation: "own", as: "jyzqy", input: (fx) => ({ appointments: [bookingFields(["YY-0001"])(fx)] }), expect: "CONFLICT", note: "R-APT-1 already booked" },
      { relation: "outOfScope", as: "jyzqy", input: (fx) => ({ appointments: [{ ...bookingFields([])(fx), instrumentIds: [fx.foreign!.instrument.filed] }] }), expect: "NOT_FOUND", note: "R-SCOPE-4 foreign instrument" },
      { relation: "outOfScope", as: "yyqy", input: (fx) => ({ appointments: [bookingFields(["BA-0001"])(fx)] }), expect: "NOT_FOUND", note: "R-SCOPE-4 another enterprise's instrument" },
    ],
  },
  "booking.update": {
    access: ["enterprise"],
    input: (fx) => ({ id: NO_SUCH, ...bookingFields(["BA-0001"])(fx) }),
    relations: [
      { relation: "own", as: "jyzqy", input: (fx) => ({ id: fx.appointment["YY-0001"], ...bookingFields(["YY-0001"])(fx) }), expect: "CONFLICT", note: "R-APT-4 only a draft is edited" },
      { relation: "outOfScope", as: "yyqy", input: (fx) => ({ id: fx.appointment["YY-0003"], ...bookingFields(["BA-0101"])(fx) }), expect: "NOT_FOUND", note: "R-SCOPE-4 another enterprise's draft" },
      { relation: "outOfScope", as: "jyzqy", input: (fx) => ({ ...foreignAppointment(fx), ...bookingFields(["BA-0001"])(fx) }), expect: "NOT_FOUND", note: "R-SCOPE-4 foreign appointment" },
    ],
  },
  "booking.remove": {
    access: ["enterprise"],
    input: () => ({ id: NO_SUCH }),
    relations: [
      { relation: "own", as: "jyzqy", input: appointmentOf("YY-0001"), expect: "CONFLICT", note: "R-APT-4 a submitted appointment is not deleted" },
      { relation: "outOfScope", as: "yyqy", input: appointmentOf("YY-0003"), expect: "NOT_FOUND", note: "R-SCOPE-4 another enterprise's draft" },
      { relation: "outOfScope", as: "jyzqy", input: foreignAppointment, expect: "NOT_FOUND", note: "R-SCOPE-4 foreign appointment" },
    ],
  },
  "booking.submit": {
    access: ["enterprise"],
    input: () => ({ id: NO_SUCH }),
    relations: [
      { relation: "own", as: "jyzqy", input: appointmentOf("YY-0001"), expect: "CONFLICT", note: "R-APT-4 submitted once" },
      { relation: "outOfScope", as: "yyqy", input: appointmentOf("YY-0003"), expect: "NOT_FOUND", note: "R-SCOPE-4 another enterprise's draft" },
      { relation: "outOfScope", as: "jyzqy", input: foreignAppointment, expect: "NOT_FOUND", note: "R-SCOPE-4 foreign appointment" },
    ],
  },
  "booking.prepareDue": {
    access: ["enterprise"],
    // Preview writes nothing, so the sweep leaves the demo data as it is.
    input: () => ({ preview: true }),
    relations: [{ relation: "own", as: "jyzqy", input: () => ({ preview: true }), expect: "ok", note: "R-BKT-1/2 the caller's own due instruments" }],
  },
  "booking.cancelItems": {
    access: ["enterprise"],
    input: () => ({ appointmentId: NO_SUCH, itemIds: [NO_SUCH] }),
    relations: [
      { relation: "own", as: "yyqy", input: (fx) => ({ appointmentId: fx.appointment["YY-0103"], itemIds: [fx.appointmentItem["YY-0103"]] }), expect: "CONFLICT", note: "R-APT-4 received instruments are not cancelled" },
      { relation: "outOfScope", as: "jyzqy", input: (fx) => ({ appointmentId: fx.appointment["YY-0101"], itemIds: [fx.appointmentItem["YY-0101"]] }), expect: "NOT_FOUND", note: "R-SCOPE-4 another enterprise's appointment" },
      { relation: "outOfScope", as: "jyzqy", input: (fx) => ({ appointmentId: fx.foreign!.appointment.confirmed, itemIds: [fx.foreign!.appointmentItem.booked] }), expect: "NOT_FOUND", note: "R-SCOPE-4 foreign appointment" },
    ],
  },
};

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
  ...bookingPolicy,

  // Issue 10 — institution confirmation and appointment sheet
  ...appointmentDeskPolicy,

  // Issue 10 — reception and results
  "reception.queue": {
    access: ["institution"],
    input: () => ({ limit: 5 }),
    list: [{ view: "待接收", input: () => ({ limit: 200 }), ids: itemsOf, foreign: (ff) => [ff.appointment.confirmed, ff.appointment.received], witness: "foreign_inst", callers: ["gzjly", "byjls"] }],
  },
  "reception.find": {
    access: ["institution"],
    input: () => ({ number: "S20990101999999" }),
    relations: [
      { relation: "own", as: "byjls", input: (fx) => ({ number: fx.appointmentNumber["YY-0004"] }), expect: "ok", note: "R-APT-6 own confirmed appointment" },
      { relation: "outOfScope", as: "gzjly", input: (fx) => ({ number: fx.appointmentNumber["YY-0004"] }), expect: "NOT_FOUND", note: "R-SCOPE-4 another institution's number" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ number: fx.foreign!.appointmentNumber.received }), expect: "NOT_FOUND", note: "R-SCOPE-4 foreign number" },
      { relation: "own", as: "byjls", input: () => ({ number: "不是单号" }), expect: "BAD_REQUEST", note: "malformed number" },
    ],
  },
  "reception.receive": {
    access: ["institution"],
    input: () => ({ appointmentId: NO_SUCH, itemIds: [NO_SUCH] }),
    relations: [
      { relation: "outOfScope", as: "gzjly", input: (fx) => ({ appointmentId: fx.appointment["YY-0004"], itemIds: [fx.appointmentItem["YY-0004"]] }), expect: "NOT_FOUND", note: "R-SCOPE-4 another institution's appointment" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ appointmentId: fx.foreign!.appointment.confirmed, itemIds: [fx.foreign!.appointmentItem.booked] }), expect: "NOT_FOUND", note: "R-SCOPE-4 foreign" },
      { relation: "own", as: "byjls", input: (fx) => ({ appointmentId: fx.appointment["YY-0001"], itemIds: [fx.appointmentItem["YY-0001"]] }), expect: "CONFLICT", note: "R-APT-4 not confirmed yet" },
    ],
  },
  "reception.returnItems": {
    access: ["institution"],
    input: () => ({ appointmentId: NO_SUCH, itemIds: [NO_SUCH], reason: "检查" }),
    relations: [
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ appointmentId: fx.appointment["YY-0101"], itemIds: [fx.appointmentItem["YY-0101"]], reason: "检查" }), expect: "NOT_FOUND", note: "R-SCOPE-4 another institution's appointment" },
      { relation: "outOfScope", as: "gzjly", input: (fx) => ({ appointmentId: fx.foreign!.appointment.received, itemIds: [fx.foreign!.appointmentItem.received], reason: "检查" }), expect: "NOT_FOUND", note: "R-SCOPE-4 foreign" },
      { relation: "own", as: "gzjly", input: (fx) => ({ appointmentId: fx.appointment["YY-0105"], itemIds: [fx.appointmentItem["YY-0105"]], reason: "检查" }), expect: "CONFLICT", note: "R-APT-6 completed appointment" },
      { relation: "own", as: "gzjly", input: (fx) => ({ appointmentId: fx.appointment["YY-0101"], itemIds: [fx.appointmentItem["YY-0101"]], reason: "" }), expect: "BAD_REQUEST", note: "R-APT-6 reason required" },
    ],
  },
  "results.list": {
    access: ["institution"],
    input: () => ({ tab: "recorded", limit: 5 }),
    list: [
      { view: "待录入结果", input: () => ({ tab: "awaiting", limit: 200 }), ids: itemsOf, foreign: (ff) => [ff.appointmentItem.received], witness: "foreign_inst", callers: ["gzjly"] },
      { view: "已录入结果", input: () => ({ tab: "recorded", limit: 200 }), ids: itemsOf, foreign: (ff) => [ff.result], witness: "foreign_inst", callers: ["gzjly", "byjls"] },
    ],
  },
  "results.sheet": {
    access: ["institution"],
    input: () => ({ appointmentId: NO_SUCH }),
    relations: [
      { relation: "own", as: "gzjly", input: (fx) => ({ appointmentId: fx.appointment["YY-0103"] }), expect: "ok", note: "issue 10 item 6 batch sheet" },
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ appointmentId: fx.appointment["YY-0103"] }), expect: "NOT_FOUND", note: "R-SCOPE-4 another institution's appointment" },
      { relation: "outOfScope", as: "gzjly", input: (fx) => ({ appointmentId: fx.foreign!.appointment.received }), expect: "NOT_FOUND", note: "R-SCOPE-4 foreign" },
    ],
  },
  "results.record": {
    access: ["institution"],
    input: () => ({ appointmentId: NO_SUCH, rows: [{ itemId: NO_SUCH, verdict: "pass", verifiedOn: "2026-01-05", verifier: "甲", checker: "乙", approver: "丙" }] }),
    relations: [
      {
        relation: "outOfScope",
        as: "byjls",
        input: (fx) => ({ appointmentId: fx.appointment["YY-0103"], rows: [{ itemId: fx.appointmentItem["YY-0103"], verdict: "pass", verifiedOn: "2026-01-05", verifier: "甲", checker: "乙", approver: "丙" }] }),
        expect: "NOT_FOUND",
        note: "R-SCOPE-4 another institution's appointment",
      },
      {
        relation: "outOfScope",
        as: "gzjly",
        input: (fx) => ({ appointmentId: fx.foreign!.appointment.received, rows: [{ itemId: fx.foreign!.appointmentItem.received, verdict: "pass", verifiedOn: "2026-01-05", verifier: "甲", checker: "乙", approver: "丙" }] }),
        expect: "NOT_FOUND",
        note: "R-SCOPE-4 foreign",
      },
      {
        relation: "own",
        as: "gzjly",
        input: (fx) => ({ appointmentId: fx.appointment["YY-0102"], rows: [{ itemId: fx.appointmentItem["YY-0102"], verdict: "pass", verifiedOn: "2026-01-05", verifier: "甲", checker: "乙", approver: "丙" }] }),
        expect: "CONFLICT",
        note: "R-RES-1 not received",
      },
      {
        relation: "own",
        as: "gzjly",
        input: (fx) => ({ appointmentId: fx.appointment["YY-0105"], rows: [{ itemId: fx.appointmentItem["YY-0105"], verdict: "pass", verifiedOn: "2026-01-05", verifier: "甲", checker: "乙", approver: "丙" }] }),
        expect: "CONFLICT",
        note: "R-RES-1 a second result",
      },
    ],
  },

  // Issue 10 — certificates, fees, downloads
  // The enterprise's own documents / those the institution issued (not its jurisdiction's). Demo: YY-0105
  // (certificate), YY-0106 (fail notice), YY-0107 (certificate, unpaid fee) from gzjly for yyqy; YY-0006 from
  // byjls for jyzqy. Sweep inputs name no record or are refused as bad input: they change nothing.
  "certificates.list": {
    access: ["enterprise", "institution"],
    input: () => ({ limit: 5 }),
    list: [
      { view: "own documents", input: () => ({ limit: 200 }), ids: itemsOf, foreign: (ff) => [ff.certificate], witness: "foreign_ent", callers: ["yyqy", "jyzqy", "gzjly", "byjls"] },
      { view: "issued documents", input: () => ({ limit: 200, kind: "certificate" }), ids: itemsOf, foreign: (ff) => [ff.certificate], witness: "foreign_inst", callers: ["yyqy", "jyzqy", "gzjly", "byjls"] },
    ],
    relations: [
      { relation: "own", as: "yyqy", input: (fx) => ({ instrumentId: fx.instrument["YY-0105"] }), expect: "ok", note: "documents of one own instrument" },
      { relation: "own", as: "yyqy", input: () => ({ from: "2026-13-01" }), expect: "BAD_REQUEST", note: "malformed date" },
    ],
  },
  "certificates.reissue": {
    access: ["institution"],
    input: () => ({ id: NO_SUCH, reason: "策略测试" }),
    relations: [
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ id: fx.certificate["YY-0105"], reason: "策略测试" }), expect: "NOT_FOUND", note: "another institution's certificate" },
      { relation: "outOfScope", as: "gzjly", input: (fx) => ({ id: fx.foreign!.certificate, reason: "策略测试" }), expect: "NOT_FOUND", note: "a foreign certificate" },
      { relation: "own", as: "gzjly", input: (fx) => ({ id: fx.certificate["YY-0105"], reason: "" }), expect: "BAD_REQUEST", note: "reason required" },
    ],
  },
  "certificates.setFee": {
    access: ["institution"],
    input: () => ({ resultId: NO_SUCH, amount: "10.00" }),
    relations: [
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ resultId: fx.result["YY-0107"], amount: "1.00" }), expect: "NOT_FOUND", note: "another institution's result" },
      { relation: "outOfScope", as: "gzjly", input: (fx) => ({ resultId: fx.foreign!.result, amount: "1.00" }), expect: "NOT_FOUND", note: "a foreign result" },
      { relation: "own", as: "gzjly", input: (fx) => ({ resultId: fx.result["YY-0107"], amount: "80.001" }), expect: "BAD_REQUEST", note: "R-RES-4 at most two decimals" },
    ],
  },
  "certificates.markFeePaid": {
    access: ["institution"],
    input: () => ({ resultId: NO_SUCH }),
    relations: [
      { relation: "outOfScope", as: "byjls", input: (fx) => ({ resultId: fx.result["YY-0107"] }), expect: "NOT_FOUND", note: "another institution's result" },
      { relation: "own", as: "gzjly", input: (fx) => ({ resultId: fx.result["YY-0105"] }), expect: "CONFLICT", note: "R-RES-4 no fee to pay" },
    ],
  },
  "certificates.templates": {
    access: ["institution"],
    relations: [{ relation: "own", as: "gzjly", input: () => undefined, expect: "ok", note: "takes no id: only the caller's own templates" }],
  },
  "certificates.previewTemplate": {
    access: ["institution"],
    input: () => ({ kind: "certificate", template: "{code}{YYYY}{seq6}" }),
    relations: [{ relation: "own", as: "gzjly", input: () => ({ kind: "certificate", template: "{code}{seq6}" }), expect: "BAD_REQUEST", note: "R-RES-2 template without the year" }],
  },
  "certificates.saveTemplates": {
    access: ["institution"],
    input: () => ({ certificate: "{code}{seq6}", failNotice: "{code}T{YYYY}{seq6}" }),
    relations: [{ relation: "own", as: "gzjly", input: () => ({ certificate: "{code}/{YYYY}{seq6}", failNotice: "{code}T{YYYY}{seq6}" }), expect: "BAD_REQUEST", note: "R-RES-2 odd characters" }],
  },

  // Issue 12 — regulator workspace
  // 统计分析 and 负荷预测 (stats helper): a region or an institution outside the regulator's subtree is NOT_FOUND
  // (R-SCOPE-3/4); lists.int.test.ts proves no answer moves when the foreign province's records are added.
  "statistics.dashboard": {
    access: ["regulator"],
    input: () => ({ period: "year" }),
    relations: [
      { relation: "own", as: "gzscjg", input: () => ({ period: "year" }), expect: "ok", note: "own region" },
      { relation: "otherInScope", as: "gdscjg", input: () => ({ region: "440111", period: "year" }), expect: "ok", note: "province drills down to a county" },
      { relation: "otherInScope", as: "gzscjg", input: () => ({ region: "440106", period: "month" }), expect: "ok", note: "city drills down to its county" },
      { relation: "outOfScope", as: "gzscjg", input: () => ({ region: "4403", period: "year" }), expect: "NOT_FOUND", note: "another city" },
      { relation: "outOfScope", as: "byscjg", input: () => ({ region: "4401", period: "year" }), expect: "NOT_FOUND", note: "county asks for its city" },
      { relation: "outOfScope", as: "gdscjg", input: () => ({ region: "43", period: "year" }), expect: "NOT_FOUND", note: "another province" },
      { relation: "own", as: "gdscjg", input: () => ({ period: "year", item: NO_SUCH }), expect: "BAD_REQUEST", note: "unknown item" },
      { relation: "own", as: "byscjg", input: () => ({ period: "year", cursor: "bm90LWEtY3Vyc29y" }), expect: "BAD_REQUEST", note: "a made-up page cursor of the county's enterprises" },
    ],
  },
  "statistics.breakdown": {
    access: ["regulator"],
    input: () => ({ period: "year" }),
    relations: [
      { relation: "own", as: "byscjg", input: () => ({ period: "12m" }), expect: "ok" },
      { relation: "otherInScope", as: "gdscjg", input: () => ({ region: "4401", period: "year" }), expect: "ok" },
      { relation: "outOfScope", as: "byscjg", input: () => ({ region: "440106", period: "year" }), expect: "NOT_FOUND", note: "a neighbouring county" },
    ],
  },
  "statistics.filterOptions": {
    access: ["regulator"],
    relations: [{ relation: "own", as: "byscjg", input: () => undefined, expect: "ok", note: "items and the institutions located in its region" }],
  },
  "statistics.forecast": {
    access: ["institution", "regulator"],
    input: () => undefined,
    relations: [
      { relation: "own", as: "byjls", input: () => undefined, expect: "ok", note: "its own weeks" },
      { relation: "own", as: "sqjg", input: (fx) => ({ institution: fx.org.gzInstitute }), expect: "ok", note: "an institution always gets its own, whatever it names" },
      { relation: "otherInScope", as: "gzscjg", input: (fx) => ({ institution: fx.org.byInstitute }), expect: "ok", note: "an institution in the city" },
      { relation: "outOfScope", as: "byscjg", input: (fx) => ({ institution: fx.org.gzInstitute }), expect: "NOT_FOUND", note: "an institution outside the county" },
      { relation: "outOfScope", as: "gzscjg", input: () => ({ institution: NO_SUCH }), expect: "NOT_FOUND" },
    ],
  },
  // (regwork: 辖区仪器, 预警, 重复登记, 公示公告, 任务分配, 加油机 — issue 12 items 3–6, 8; appended at the bottom of this block)
  ...regwork(),

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
