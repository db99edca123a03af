import "server-only";
import { PassThrough, Readable } from "node:stream";
import { and, asc, eq, gt } from "drizzle-orm";
import ExcelJS from "exceljs";
import { chinaToday } from "@/lib/china-day";
import type { LedgerFilter } from "@/lib/schemas/ledger";
import { FILING_STATUS_LABEL, METHOD_LABEL, ORIGIN_LABEL, PURPOSE_LABEL } from "@/lib/words";
import type { Queryable } from "@/server/db/open";
import { catalogueItems, catalogueKinds, departments, instruments, regions } from "@/server/db/schema";
import { EXCEL_COLUMNS, EXPORT_ONLY_HEADERS, kindLabel, type ExcelColumn } from "@/server/domain/ledger/excel-columns";
import type { RowError } from "@/server/domain/ledger/excel-row";
import { neutraliseFormula } from "@/server/domain/ledger/formula-guard";
import { countyLabels, currentKinds } from "./lookups";
import { ledgerWhere, type LedgerScope } from "./list-filter";
import { alias } from "drizzle-orm/pg-core";

const STATUS_WORDS = { new: "新增", in_use: "在用", stopped: "停用", scrapped: "报废" } as const;
/** Rows of the template that offer the drop-down lists (row 1 headers, row 2 notes). */
export const TEMPLATE_FIRST_ROW = 3;
export const TEMPLATE_LAST_ROW = 2002;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };

function styleHeader(ws: ExcelJS.Worksheet, columns: { header: string; width: number; required?: boolean }[]) {
  ws.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width }));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}

/**
 * The import template (R-LED-5): the form's columns, a notes row, an example row, and drop-down lists for
 * kinds, regions, purposes, methods, origin and status taken from a hidden sheet.
 */
export async function buildTemplate(db: Queryable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "强检通";
  const ws = wb.addWorksheet("台账");
  const lists = wb.addWorksheet("下拉列表", { state: "veryHidden" });
  styleHeader(ws, EXCEL_COLUMNS);
  ws.addRow(EXCEL_COLUMNS.map((c) => c.note)).font = { italic: true, color: { argb: "FF808080" } };
  const kinds = (await currentKinds(db)).filter((k) => k.supervision !== "P");
  const counties = await countyLabels(db);
  const example: Record<string, string | number> = {
    name: "燃油加油机", model: "CS46", measuringRange: "(5~60)L/min", accuracyClass: "0.3级", serialNo: "示例-0001", ownNo: "1号枪",
    manufacturer: "示例加油机制造有限公司", origin: "国产", installLocation: "1号加油岛", region: counties.find((c) => c.code === "440111")?.label ?? "",
    purchaseDate: "2025-03-01", status: "在用", purpose: "贸易结算", instrumentType: "工作计量器具", method: "现场检定",
    kind: kinds[0] ? kindLabel(kinds[0].itemName, kinds[0].name) : "", quantity: 1, department: "加油区", typeCertNo: "", tags: "一号岛 汽油", remark: "示例行，导入时自动跳过",
  };
  ws.addRow(EXCEL_COLUMNS.map((c) => example[c.key] ?? ""));
  ws.views = [{ state: "frozen", ySplit: 1 }];

  const listValues: Record<NonNullable<ExcelColumn["list"]>, string[]> = {
    kinds: kinds.map((k) => kindLabel(k.itemName, k.name)),
    regions: counties.map((c) => c.label),
    purposes: Object.values(PURPOSE_LABEL),
    methods: Object.values(METHOD_LABEL),
    origins: Object.values(ORIGIN_LABEL),
    statuses: ["新增", "在用"],
  };
  const listCol: Partial<Record<keyof typeof listValues, string>> = {};
  (Object.keys(listValues) as (keyof typeof listValues)[]).forEach((name, i) => {
    const col = String.fromCharCode(65 + i);
    listValues[name].forEach((v, r) => (lists.getCell(`${col}${r + 1}`).value = v));
    listCol[name] = `下拉列表!$${col}$1:$${col}$${Math.max(1, listValues[name].length)}`;
  });
  // One validation per column over its whole range: per-cell validations let exceljs merge them into
  // overlapping ranges (H3:H2002 and H10:H2002), which Excel then offers to "repair" (issue 9 #18).
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  EXCEL_COLUMNS.forEach((c, i) => {
    if (!c.list) return;
    const letter = ws.getColumn(i + 1).letter;
    validations.add(`${letter}${TEMPLATE_FIRST_ROW}:${letter}${TEMPLATE_LAST_ROW}`, {
      type: "list",
      allowBlank: !c.required,
      formulae: [listCol[c.list]!],
      showErrorMessage: c.list !== "regions",
      errorTitle: "请从列表选择",
      error: `请从下拉列表中选择${c.header}`,
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The error report of an import as .xlsx: row, column and the Chinese message. */
export async function buildErrorReport(errors: RowError[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("错误报告");
  styleHeader(ws, [
    { header: "行号", width: 8 },
    { header: "列", width: 14 },
    { header: "错误说明", width: 80 },
  ]);
  for (const e of errors) ws.addRow([e.row, e.column, e.message]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type ExportSource = {
  i: typeof instruments.$inferSelect;
  itemName: string;
  kindName: string;
  dept: string | null;
  p: string | null;
  c: string | null;
  k: string | null;
};

/** One export row: the template's columns, then the export-only ones; text that could run as a formula is quoted. */
export function exportRow(r: ExportSource): (string | number)[] {
  const i = r.i;
  const byKey: Record<string, string | number> = {
    name: i.name, model: i.model, measuringRange: i.measuringRange ?? "", accuracyClass: i.accuracyClass ?? "", serialNo: i.serialNo, ownNo: i.ownNo ?? "",
    manufacturer: i.manufacturer, origin: i.origin ? ORIGIN_LABEL[i.origin] : "", installLocation: i.installLocation,
    region: `${r.p ?? ""}/${r.c ?? ""}/${r.k ?? ""}`, purchaseDate: i.purchaseDate ?? "", status: STATUS_WORDS[i.status],
    purpose: PURPOSE_LABEL[i.purpose], instrumentType: i.instrumentType, method: METHOD_LABEL[i.method], kind: kindLabel(r.itemName, r.kindName),
    quantity: i.quantity, department: r.dept ?? "", typeCertNo: i.typeCertNo ?? "", tags: i.tags.join(" "), remark: i.remark ?? "",
  };
  return [...EXCEL_COLUMNS.map((c) => byKey[c.key] ?? ""), i.instrumentCode ?? "", FILING_STATUS_LABEL[i.filingStatus], i.certificateNo ?? "", i.validUntil ?? ""].map(neutraliseFormula);
}

const province = alias(regions, "p");
const city = alias(regions, "c");
const county = alias(regions, "k");

/**
 * The filtered ledger as a streamed .xlsx (exceljs WorkbookWriter), read in keyset batches of 1 000 rows, with
 * the template's columns first so an export can be edited and imported again.
 */
export function exportLedger(db: Queryable, scope: LedgerScope, filter: LedgerFilter): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet("台账");
  ws.columns = [...EXCEL_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width })), ...EXPORT_ONLY_HEADERS.map((h) => ({ header: h, width: 14 }))];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const today = chinaToday();
  (async () => {
    let lastId = 0;
    for (;;) {
      const rows = await db
        .select({ i: instruments, itemName: catalogueItems.name, kindName: catalogueKinds.name, dept: departments.name, p: province.name, c: city.name, k: county.name })
        .from(instruments)
        .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
        .innerJoin(catalogueItems, eq(catalogueItems.id, catalogueKinds.itemId))
        .leftJoin(departments, eq(departments.id, instruments.departmentId))
        .leftJoin(province, eq(province.code, instruments.provinceCode))
        .leftJoin(city, eq(city.code, instruments.cityCode))
        .leftJoin(county, eq(county.code, instruments.countyCode))
        .where(and(ledgerWhere(scope, filter, today), gt(instruments.id, lastId)))
        .orderBy(asc(instruments.id))
        .limit(1000);
      for (const r of rows) ws.addRow(exportRow(r)).commit();
      if (rows.length < 1000) break;
      lastId = rows[rows.length - 1]!.i.id;
    }
    ws.commit();
    await wb.commit();
  })().catch((e) => {
    console.error("[ledger] export failed", e);
    out.destroy(e as Error);
  });
  return out;
}
