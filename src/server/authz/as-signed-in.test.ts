import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { asSignedIn } from "./caller";

const enterprise = (status: "approved" | "pending"): SessionUser => ({
  id: 7,
  username: "e",
  displayName: "企业用户",
  role: "enterprise",
  mustChangePassword: false,
  org: {
    id: 42,
    kind: "enterprise",
    name: "某企业",
    level: null,
    institutionKind: null,
    regionCode: null,
    provinceCode: "44",
    cityCode: "4401",
    countyCode: "440111",
    status,
    rejectReason: null,
  },
});

describe("asSignedIn: the guard of downloads that follow the located-record scope (R-SCOPE-1…4)", () => {
  it("R-SCOPE-1 nobody signed in is UNAUTHENTICATED", () => {
    expect(() => asSignedIn(null, null)).toThrow(expect.objectContaining({ appCode: "UNAUTHENTICATED" }));
  });

  it("R-SCOPE-1 an approved enterprise sees its own records; an unapproved one sees nothing", () => {
    expect(asSignedIn(enterprise("approved"), "10.0.0.1")).toMatchObject({ scope: { kind: "enterprise", orgId: 42 }, actor: { userId: 7, orgId: 42, ip: "10.0.0.1" } });
    expect(asSignedIn(enterprise("pending"), null).scope).toEqual({ kind: "none" });
  });
});
