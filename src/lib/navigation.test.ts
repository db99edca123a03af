import { describe, expect, it } from "vitest";
import { navFor } from "./navigation";

describe("sidebar menus", () => {
  it("R-ACC-3 only legal city institutions see 注册审核", () => {
    const labels = (org: Parameters<typeof navFor>[1]) => navFor("institution", org).map((n) => n.label);
    expect(labels({ kind: "institution", level: "city", institutionKind: "legal" })).toContain("注册审核");
    expect(labels({ kind: "institution", level: "county", institutionKind: "legal" })).not.toContain("注册审核");
    expect(labels({ kind: "institution", level: "city", institutionKind: "authorised" })).not.toContain("注册审核");
    expect(labels({ kind: "institution", level: "county", institutionKind: "legal" })).toContain("备案审核");
  });
});
