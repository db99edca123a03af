import { Readable } from "node:stream";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ledgerWorkbook, sampleRows, writeLedgerWorkbookFile } from "../../../../scripts/ledger/sample-file";
import { inspectZip } from "@/server/domain/files/zip-guard";
import { cellText } from "./excel-read";
import { isDateFormat, SHEET_PIECE_BYTES, sheetText, xlsxRows } from "./xlsx-rows";

/** What exceljs's streaming reader + cellText made of the first sheet (the reader the import used before). */
async function viaExceljs(bytes: Uint8Array) {
  const out: string[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) out.push(`${row.number}:${JSON.stringify(Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => cellText(v ?? null))).replace(/(,"")+\]$/, "]")}`);
    break;
  }
  return out;
}
async function viaLean(bytes: Uint8Array) {
  const zip = inspectZip(bytes, { maxEntries: 100, maxUnpackedBytes: 1e9 });
  if (!zip.ok) throw new Error(zip.reason);
  const out: string[] = [];
  for await (const r of xlsxRows(bytes, zip.list)) out.push(`${r.number}:${JSON.stringify(r.values).replace(/(,"")+\]$/, "]")}`);
  return out;
}

describe("lean xlsx rows (issue 14 item 3)", () => {
  it("issue 14 item 3: every kind of cell reads as exceljs read it (dates by format, rich text, formulas, booleans, errors, gaps)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    ws.addRow(["名称", "日期", "数", "富", "公式", "布尔", "错误", "空", "超链"]);
    ws.addRow(["燃油 <加油机> & “引号”", new Date("2025-03-01T00:00:00Z"), 1.5, { richText: [{ text: "红", font: { bold: true } }, { text: "字" }] }, { formula: "A2", result: "燃油" }, true, { error: "#N/A" }, null, { text: "链接", hyperlink: "http://x" }]);
    const r = ws.addRow(["x", 46000, 12345678901234, "=1+1", { formula: "1+1", result: 2 }, false]);
    r.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
    r.getCell(3).numFmt = "0.00";
    ws.getCell("K5").value = "远";
    ws.addRow([]);
    ws.addRow(["", " ", "尾"]);
    wb.addWorksheet("第二").addRow(["不读"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const lean = await viaLean(bytes);
    expect(lean).toEqual(await viaExceljs(bytes));
    expect(lean[1]).toContain('"2025-03-01"');
    expect(lean[2]).toContain('"2025-12-09"'); // serial 46000 shown with a custom date format
    expect(lean.join()).not.toContain("不读");
  });
  it("issue 14 item 3: a streamed workbook (shared strings after the sheet, as our export writes them) reads the same", async () => {
    const file = `${process.env.TMPDIR ?? "/tmp"}/lean-xlsx-${process.pid}.xlsx`;
    await writeLedgerWorkbookFile(file, 300, "LEAN");
    const bytes = new Uint8Array(await import("node:fs/promises").then((f) => f.readFile(file)));
    const lean = await viaLean(bytes);
    expect(lean).toHaveLength(301);
    expect(lean).toEqual(await viaExceljs(bytes));
    const small = new Uint8Array(await ledgerWorkbook(sampleRows(50, 5)));
    expect(await viaLean(small)).toEqual(await viaExceljs(small));
  });
  it("issue 14 item 3: a workbook without shared strings (inline strings, as the ledger export writes) reads the same", async () => {
    const file = `${process.env.TMPDIR ?? "/tmp"}/lean-xlsx-inline-${process.pid}.xlsx`;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet("台账");
    ws.addRow(["器具名称", "购买日期", "器具数量"]).commit();
    ws.addRow(["燃油加油机 & <泵>", new Date("2024-02-29T00:00:00Z"), 3]).commit();
    ws.commit();
    await wb.commit();
    const bytes = new Uint8Array(await import("node:fs/promises").then((f) => f.readFile(file)));
    const lean = await viaLean(bytes);
    expect(lean).toEqual(await viaExceljs(bytes));
    expect(lean[1]).toBe('2:["燃油加油机 & <泵>","2024-02-29","3"]');
  });
  it("issue 14 item 3: date formats are told from number formats", () => {
    expect(isDateFormat("yyyy/m/d")).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat("0.00")).toBe(false);
    expect(isDateFormat('[Red]0.00;"ds"')).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });
  it("issue 14 item 3: sheet XML is decoded in pieces small enough to die young (under V8's 128 KB large-object size), stored or deflated", async () => {
    // Three-byte UTF-8 characters, so piece boundaries fall inside characters too.
    const xml = `<sheetData>${Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>燃油加油机${i}</t></is></c></row>`).join("")}</sheetData>`;
    const bytes = new TextEncoder().encode(xml);
    expect(bytes.byteLength).toBeGreaterThan(8 * SHEET_PIECE_BYTES);
    for (const [method, raw] of [[0, bytes], [8, new Uint8Array(deflateRawSync(bytes))]] as const) {
      const pieces: string[] = [];
      for await (const s of sheetText(raw, method)) pieces.push(s);
      expect(pieces.join("")).toBe(xml);
      expect(pieces.length).toBeGreaterThan(8);
      // At most 16 K UTF-16 units: 32 KB even as a two-byte string.
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(16 * 1024);
    }
  });
});
