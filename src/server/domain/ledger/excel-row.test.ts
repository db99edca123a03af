import { describe, expect, it } from "vitest";
import { parseExcelDate, parseLedgerRow, mapHeaders, type RowLookups } from "./excel-row";

const lookups: RowLookups = {
  kinds: new Map([
    ["燃油加油机/燃油加油机", { id: 1, supervision: "V", label: "燃油加油机/燃油加油机" }],
    ["燃油加油机", { id: 1, supervision: "V", label: "燃油加油机/燃油加油机" }],
    ["全站仪/全站仪", { id: 7, supervision: "P", label: "全站仪/全站仪" }],
  ]),
  regions: new Map([
    ["广东省/广州市/白云区", "440111"],
    ["440111", "440111"],
  ]),
};
const good = {
  器具名称: "燃油加油机",
  型号规格: "CS46",
  出厂编号: "SN-001",
  生产厂家: "正星科技",
  安装使用地点: "1号岛",
  所在地: "广东省/广州市/白云区",
  器具用途: "贸易结算",
  检定方式: "现场检定",
  "项别/种别": "燃油加油机/燃油加油机",
};

describe("Excel row parsing (R-LED-5)", () => {
  it("R-LED-5 a complete row becomes the form's fields", () => {
    const r = parseLedgerRow(3, { ...good, 生产地: "进口", 自定义标签: "一号岛  加油区", 器具数量: "2", 购买日期: "2025/3/9" }, lookups);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.value).toMatchObject({
        name: "燃油加油机",
        countyCode: "440111",
        kindId: 1,
        purpose: "trade",
        method: "on_site",
        origin: "imported",
        quantity: 2,
        tags: ["一号岛", "加油区"],
        purchaseDate: "2025-03-09",
        status: "in_use",
      });
  });
  it("R-LED-5 missing required fields are reported by column in Chinese", () => {
    const r = parseLedgerRow(4, { ...good, 器具名称: "", 出厂编号: " " }, lookups);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContainEqual({ row: 4, column: "器具名称", message: "请填写器具名称" });
      expect(r.errors).toContainEqual({ row: 4, column: "出厂编号", message: "请填写出厂编号" });
    }
  });
  it("R-CAT-1 a P-only kind is refused", () => {
    const r = parseLedgerRow(5, { ...good, "项别/种别": "全站仪/全站仪" }, lookups);
    expect(!r.ok && r.errors[0]).toMatchObject({ column: "项别/种别" });
    expect(!r.ok && r.errors[0]!.message).toContain("不属于强制检定");
  });
  it("R-LED-5 unknown region and kind names, bad enums and dates are errors, never crashes", () => {
    const r = parseLedgerRow(6, { ...good, 所在地: "火星/某市/某区", "项别/种别": "不存在", 器具用途: "自用", 购买日期: "明年", 生产地: "国外" }, lookups);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.column).sort()).toEqual(["所在地", "生产地", "器具用途", "购买日期", "项别/种别"].sort());
  });
  it("R-LED-5 dates in the usual Excel forms", () => {
    expect(parseExcelDate("46143")).toBe("2026-05-01");
    expect(parseExcelDate("2026-05-01")).toBe("2026-05-01");
    expect(parseExcelDate("2026/5/1")).toBe("2026-05-01");
    expect(parseExcelDate("2026.5.1")).toBe("2026-05-01");
    expect(parseExcelDate("2026年5月1日")).toBe("2026-05-01");
    expect(parseExcelDate("20260501")).toBe("2026-05-01");
    expect(parseExcelDate("2026-02-30")).toBeNull();
    expect(parseExcelDate("abc")).toBeNull();
  });
  it("R-LED-5 headers with * and spaces are recognised; missing required columns are named", () => {
    const { index, missing } = mapHeaders(["器具名称*", " 型号规格 ", "备注"]);
    expect(index.get("器具名称")).toBe(0);
    expect(index.get("型号规格")).toBe(1);
    expect(missing).toContain("出厂编号");
    expect(missing).not.toContain("器具名称");
  });
});
