import { describe, expect, it } from "vitest";
import { documentViewState } from "./public-state";

const cert = { kind: "certificate" as const, state: "issued" as const, validUntil: "2027-11-30" };

describe("R-PUB-1 a document's state on the China day", () => {
  it("R-PUB-1 valid through validUntil inclusive, 即将到期 in the last 30 days, expired the day after", () => {
    expect(documentViewState(cert, "2027-10-30")).toBe("valid");
    expect(documentViewState(cert, "2027-10-31")).toBe("expiring");
    expect(documentViewState(cert, "2027-11-30")).toBe("expiring");
    expect(documentViewState(cert, "2027-12-01")).toBe("expired");
  });
  it("R-PUB-1 revoked wins; a fail notice reads 不合格; no validity means valid", () => {
    expect(documentViewState({ ...cert, state: "revoked" }, "2027-01-01")).toBe("revoked");
    expect(documentViewState({ ...cert, kind: "fail_notice" }, "2027-01-01")).toBe("failed");
    expect(documentViewState({ ...cert, validUntil: null }, "2040-01-01")).toBe("valid");
  });
});
