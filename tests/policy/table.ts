import type { UserRole } from "@/server/auth/session-user";
import type { DemoAccount, Fixtures } from "../helpers/fixtures";

/**
 * The authorization policy: every tRPC procedure × role × relation → expected outcome.
 * `matrix.int.test.ts` fails when a procedure of the router is missing here, so each new procedure must
 * say who may call it and how scope applies. Relations: own record, another record inside the caller's
 * scope, a record outside it (R-SCOPE-4: NOT_FOUND, never FORBIDDEN).
 */
export type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT";
export type Relation = "own" | "otherInScope" | "outOfScope";

export type PolicyEntry = {
  access: "public" | "signedIn" | UserRole[];
  /** Input for the sweep over every account; must be harmless for the accounts that are allowed. */
  input?: (fx: Fixtures) => unknown;
  relations?: { relation: Relation; as: DemoAccount; input: (fx: Fixtures) => unknown; expect: Outcome; note?: string }[];
};

const orgById = (key: string) => (fx: Fixtures) => ({ id: fx.org[key] });
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
const enterpriseOnly = (extra: NonNullable<PolicyEntry["relations"]>): NonNullable<PolicyEntry["relations"]> => [
  ...extra,
  { relation: "otherInScope", as: "byjls", input: idsOf(STATION), expect: "FORBIDDEN", note: "R-LED-2 institutions do not keep ledgers" },
  { relation: "otherInScope", as: "byscjg", input: idsOf(STATION), expect: "FORBIDDEN", note: "R-LED-2 regulators do not keep ledgers" },
];

export const policy: Record<string, PolicyEntry> = {
  "region.children": { access: "public", input: () => ({ parentCode: "4401" }) },
  "region.path": { access: "public", input: () => ({ code: "440111" }) },
  "catalogue.current": { access: "public" },
  "catalogue.importCsv": {
    access: ["admin"],
    input: () => ({ name: "检查", csv: "item_name,kind_name,supervision\n甲,乙,V\n", commit: false }),
  },
  "me.home": { access: "signedIn" },
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
      { relation: "otherInScope", as: "byscjg", input: orgById("stationEnterprise"), expect: "ok", note: "R-SCOPE-3 county" },
      { relation: "outOfScope", as: "byscjg", input: orgById("hospitalEnterprise"), expect: "NOT_FOUND", note: "R-SCOPE-3 county" },
      { relation: "otherInScope", as: "admin", input: orgById("hospitalEnterprise"), expect: "ok" },
      { relation: "outOfScope", as: "jyzqy", input: () => ({ id: 987654321 }), expect: "NOT_FOUND", note: "no such record" },
      { relation: "own", as: "jyzqy", input: () => ({ id: "abc" }), expect: "BAD_REQUEST", note: "malformed id" },
    ],
  },
  "admin.auditLog": { access: ["admin"], input: () => ({ limit: 5 }) },
  "admin.users": { access: ["admin"], input: () => ({ limit: 5, q: "示例" }) },

  // Ledger (SPEC §5): enterprise-only, always the caller's own instruments; details follow R-SCOPE.
  "ledger.list": { access: ["enterprise"], input: () => ({ limit: 5 }) },
  "ledger.counts": { access: ["enterprise"], input: () => ({}) },
  "ledger.options": { access: ["enterprise"] },
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
