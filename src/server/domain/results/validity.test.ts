import { describe, expect, it } from "vitest";
import { defaultValidUntil } from "./validity";

describe("R-RES-1 validUntil from the kind's regime", () => {
  it("R-RES-1 periodic: verification day + period − 1 day (inclusive)", () => {
    expect(defaultValidUntil({ regime: "periodic", periodMonths: 12, serviceLifeYears: null }, "2026-12-01")).toBe("2027-11-30");
    expect(defaultValidUntil({ regime: "periodic", periodMonths: 6, serviceLifeYears: null }, "2026-08-31")).toBe("2027-02-27");
    expect(defaultValidUntil({ regime: "periodic", periodMonths: 24, serviceLifeYears: null }, "2028-02-29")).toBe("2030-02-27");
  });
  it("R-RES-1 first-only with a limited life: the end of the service life", () => {
    expect(defaultValidUntil({ regime: "first_only_limited_life", periodMonths: null, serviceLifeYears: 8 }, "2026-12-01")).toBe("2034-11-30");
  });
  it("R-RES-1 first-only: no validity", () => {
    expect(defaultValidUntil({ regime: "first_only", periodMonths: null, serviceLifeYears: null }, "2026-12-01")).toBeNull();
    expect(defaultValidUntil({ regime: null, periodMonths: null, serviceLifeYears: null }, "2026-12-01")).toBeNull();
  });
});
