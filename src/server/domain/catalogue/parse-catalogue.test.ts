import { describe, expect, it } from "vitest";
import { parseCatalogueRecords } from "./parse-catalogue";

const good = {
  item_name: "燃油加油机",
  kind_name: "燃油加油机",
  supervision: "V",
  purposes: "贸易结算",
  regime: "periodic",
  period_months: "6",
  service_life_years: "",
  notes: "",
  source: "x",
};

describe("parseCatalogueRecords (R-CAT-3 catalogue import)", () => {
  it("R-CAT-3 accepts the documented CSV shape", () => {
    const r = parseCatalogueRecords([good, { ...good, kind_name: "全站仪", supervision: "P", purposes: "", regime: "", period_months: "" }]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.rows[0]).toMatchObject({ supervision: "V", purposes: ["trade"], periodMonths: 6, regime: "periodic" });
      expect(r.rows[1]).toMatchObject({ supervision: "P", purposes: [], regime: null, periodMonths: null });
    }
  });

  it("R-CAT-3 reports every bad cell by row and column in Chinese", () => {
    const r = parseCatalogueRecords([
      { ...good, supervision: "X", purposes: "娱乐", period_months: "-1" },
      good,
      good,
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual(
        expect.arrayContaining([
          { row: 2, column: "supervision", message: "监管方式只能是 P、V 或 P+V" },
          { row: 2, column: "purposes", message: "未知的器具用途“娱乐”" },
          { row: 2, column: "period_months", message: "“-1”不是正整数" },
          { row: 4, column: "kind_name", message: "种别“燃油加油机”在项别“燃油加油机”下重复" },
        ]),
      );
    }
  });

  it("refuses a file without the required columns or rows", () => {
    expect(parseCatalogueRecords([]).ok).toBe(false);
    const r = parseCatalogueRecords([{ name: "x" }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain("缺少列");
  });

  it("a compulsory kind must name its purposes", () => {
    const r = parseCatalogueRecords([{ ...good, purposes: "" }]);
    expect(r.ok).toBe(false);
  });
});
