import { describe, expect, it } from "vitest";
import { EXCEL_COLUMNS } from "@/server/domain/ledger/excel-columns";
import { exportRow } from "./excel-write";

const instrument = {
  id: 1, enterpriseId: 1, name: "=HYPERLINK(\"http://evil.example\",\"点我\")", model: "+CS46", measuringRange: "-20~50℃", accuracyClass: "0.3级",
  serialNo: "@SN-1", ownNo: "\t1号", manufacturer: "\r厂家", origin: "domestic", installLocation: "1号岛", provinceCode: "440000", cityCode: "440100", countyCode: "440111",
  purchaseDate: null, status: "in_use", purpose: "trade", instrumentType: "工作计量器具", method: "on_site", kindId: 1, quantity: 1, departmentId: null,
  typeCertNo: null, tags: ["=1+1"], remark: "普通备注", instrumentCode: null, filingStatus: "unfiled", certificateNo: null, validUntil: null,
} as never;

describe("issue 9 #8 the ledger export writer", () => {
  it("quotes every text cell that begins with = + - @ tab or carriage return, and leaves other text as it is", () => {
    const row = exportRow({ i: instrument, itemName: "燃油加油机", kindName: "燃油加油机", dept: null, p: "广东省", c: "广州市", k: "白云区" });
    const at = (header: string) => row[EXCEL_COLUMNS.findIndex((c) => c.header === header)];
    expect(at("器具名称")).toBe("'=HYPERLINK(\"http://evil.example\",\"点我\")");
    expect(at("型号规格")).toBe("'+CS46");
    expect(at("测量范围")).toBe("'-20~50℃");
    expect(at("出厂编号")).toBe("'@SN-1");
    expect(at("自编号")).toBe("'\t1号");
    expect(at("生产厂家")).toBe("'\r厂家");
    expect(at("自定义标签")).toBe("'=1+1");
    expect(at("备注")).toBe("普通备注");
    expect(at("所在地")).toBe("广东省/广州市/白云区");
    expect(at("器具数量")).toBe(1);
    expect(row.filter((v) => typeof v === "string" && /^[=+\-@\t\r]/.test(v))).toEqual([]);
  });
});
