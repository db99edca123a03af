import type { UserRole } from "@/server/auth/session-user";
import type { DemoAccount, Fixtures } from "../helpers/fixtures";

/**
 * The authorization policy: every tRPC procedure × role × relation → expected outcome.
 * `matrix.int.test.ts` fails when a procedure of the router is missing here, so each new procedure must
 * say who may call it and how scope applies. Relations: own record, another record inside the caller's
 * scope, a record outside it (R-SCOPE-4: NOT_FOUND, never FORBIDDEN).
 */
export type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST";
export type Relation = "own" | "otherInScope" | "outOfScope";

export type PolicyEntry = {
  access: "public" | "signedIn" | UserRole[];
  /** Input for the sweep over every account; must be harmless for the accounts that are allowed. */
  input?: (fx: Fixtures) => unknown;
  relations?: { relation: Relation; as: DemoAccount; input: (fx: Fixtures) => unknown; expect: Outcome; note?: string }[];
};

const orgById = (key: string) => (fx: Fixtures) => ({ id: fx.org[key] });

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
};
