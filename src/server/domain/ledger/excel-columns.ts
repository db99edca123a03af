import type { InstrumentFieldsInput } from "@/lib/schemas/ledger";

/**
 * The Excel columns of the ledger (R-LED-5), in template order: the template, the import and the export all
 * use this list, so an export can be edited and imported again. `list` names a drop-down of the template.
 */
export type ExcelColumn = {
  key: keyof InstrumentFieldsInput | "region" | "kind";
  header: string;
  required?: boolean;
  width: number;
  note: string;
  list?: "kinds" | "regions" | "purposes" | "methods" | "origins" | "statuses";
};

export const EXCEL_COLUMNS: ExcelColumn[] = [
  { key: "name", header: "器具名称", required: true, width: 16, note: "必填，不超过 50 字" },
  { key: "model", header: "型号规格", required: true, width: 14, note: "必填" },
  { key: "measuringRange", header: "测量范围", width: 14, note: "选填" },
  { key: "accuracyClass", header: "准确度等级", width: 10, note: "选填" },
  { key: "serialNo", header: "出厂编号", required: true, width: 16, note: "必填；同一生产厂家下不能重复" },
  { key: "ownNo", header: "自编号", width: 10, note: "选填" },
  { key: "manufacturer", header: "生产厂家", required: true, width: 22, note: "必填" },
  { key: "origin", header: "生产地", width: 8, note: "国产 或 进口", list: "origins" },
  { key: "installLocation", header: "安装使用地点", required: true, width: 20, note: "必填" },
  { key: "region", header: "所在地", required: true, width: 24, note: "必填，从下拉选择：省/市/区县，或填 6 位区划代码", list: "regions" },
  { key: "purchaseDate", header: "购买日期", width: 12, note: "选填，如 2026-05-01" },
  { key: "status", header: "器具状态", width: 8, note: "新增 或 在用，默认在用", list: "statuses" },
  { key: "purpose", header: "器具用途", required: true, width: 10, note: "必填，从下拉选择", list: "purposes" },
  { key: "instrumentType", header: "器具类型", width: 12, note: "默认 工作计量器具" },
  { key: "method", header: "检定方式", required: true, width: 10, note: "必填：送检 或 现场检定", list: "methods" },
  { key: "kind", header: "项别/种别", required: true, width: 28, note: "必填，从下拉选择；只能登记 V 或 P+V 的种别", list: "kinds" },
  { key: "quantity", header: "器具数量", width: 8, note: "默认 1" },
  { key: "department", header: "部门", width: 10, note: "选填，不超过 8 字" },
  { key: "typeCertNo", header: "型式证书号", width: 16, note: "选填" },
  { key: "tags", header: "自定义标签", width: 16, note: "选填，多个标签用空格分隔" },
  { key: "remark", header: "备注", width: 20, note: "选填" },
];

/** Columns the export adds after the template's (filled by later workflows; the import ignores them). */
export const EXPORT_ONLY_HEADERS = ["器具编码", "备案状态", "检定证书号", "有效期至"] as const;

/** "器具名称*" / " 器具名称 " → "器具名称". */
export function cleanHeader(h: string): string {
  return h.replace(/[*＊\s]/g, "");
}

/** "项别/种别" label of a catalogue kind, as in the template's drop-down. */
export const kindLabel = (itemName: string, kindName: string) => `${itemName}/${kindName}`;
/** "省/市/区县" label of a county, as in the template's drop-down. */
export const regionLabel = (province: string, city: string, county: string) => `${province}/${city}/${county}`;
