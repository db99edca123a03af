import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { fileTypeFromBuffer } from "file-type";
import { cleanHeader, EXCEL_COLUMNS } from "@/server/domain/ledger/excel-columns";
import { mapHeaders } from "@/server/domain/ledger/excel-row";
import { unquoteFormula } from "@/server/domain/ledger/formula-guard";
import { inspectXlsx, MAX_UNPACKED_BYTES, measureInflated, type ZipEntry } from "@/server/domain/files/zip-guard";
import { AppError } from "@/server/errors";

/** Rows of one file import: read, checked and written streaming (issue 14 item 3), memory bounded. */
export const MAX_IMPORT_ROWS = 200_000;
/** Row-by-row import sends every row to the browser and back in batches of 50: it keeps the smaller cap. */
export const MAX_ROW_BY_ROW = 20_000;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** A 200,000-row sheet unpacks to about 150 MB of XML; it is parsed streaming, so the zip guard allows 500 MB. */
export const MAX_IMPORT_UNPACKED_BYTES = 500 * 1024 * 1024;

export type SheetRow = { rowNumber: number; cells: Record<string, string> };

/** A cell's value as the text a user typed (dates as YYYY-MM-DD, formulas by their result). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in v) return String((v as { text: unknown }).text ?? "");
    if ("error" in v) return "";
    return "";
  }
  return String(v).slice(0, 500);
}

/**
 * The declared sizes of a zip can lie: every entry is inflated with its output counted (the one zip guard of
 * all uploads, R-SEC-2), so the real unpacked total is known before the parser runs.
 */
export async function realUnpackedWithin(bytes: Uint8Array, entries: ZipEntry[], limit = MAX_UNPACKED_BYTES): Promise<boolean> {
  const real = await measureInflated(bytes, entries, limit);
  if (real === "corrupt") throw new AppError("IMPORT_BAD_FILE");
  return real === "ok";
}

export type XlsxLimits = { bytes: number; unpacked: number };
/** Other Excel uploads (e.g. the regulator's dispenser list): 20 MB, 100 MB unpacked. */
export const XLSX_UPLOAD_LIMITS: XlsxLimits = { bytes: 20 * 1024 * 1024, unpacked: MAX_UNPACKED_BYTES };
export const LEDGER_IMPORT_LIMITS: XlsxLimits = { bytes: MAX_IMPORT_BYTES, unpacked: MAX_IMPORT_UNPACKED_BYTES };

/** Refuses anything that is not a real, safe xlsx, or would unpack to more than the limit, before parsing. */
export async function checkXlsx(bytes: Uint8Array, limits: XlsxLimits = XLSX_UPLOAD_LIMITS) {
  const mb = (n: number) => Math.round(n / 1048576);
  const tooBig = () => new AppError("IMPORT_TOO_BIG", `Excel 文件解压后超过 ${mb(limits.unpacked)} MB，已拒绝`);
  if (bytes.byteLength > limits.bytes) throw new AppError("BAD_INPUT", `Excel 文件不超过 ${mb(limits.bytes)} MB`);
  const zip = inspectXlsx(bytes, limits.unpacked);
  if (!zip.ok && (zip.reason === "too_big" || zip.reason === "too_many")) throw tooBig();
  // A workbook written streaming (our own export, exceljs WorkbookWriter) puts a large sheet before
  // [Content_Types].xml with its sizes after the data: file-type then stops at "zip". The central directory
  // (inspectXlsx: the workbook parts are there) is what makes such a zip an xlsx.
  const type = await fileTypeFromBuffer(bytes);
  if (!zip.ok || (type?.ext !== "xlsx" && type?.ext !== "zip")) throw new AppError("IMPORT_BAD_FILE", "文件不是有效的 Excel（.xlsx）文件，请用模板填写后另存为 .xlsx 再上传");
  if (!(await realUnpackedWithin(bytes, zip.list, limits.unpacked))) throw tooBig();
}

const isNotesRow = (cells: Record<string, string>) => EXCEL_COLUMNS.filter((c) => cells[c.header] === c.note).length >= 3;
const isExampleRow = (cells: Record<string, string>) => /^示例/.test(cells["出厂编号"] ?? "");

/**
 * Streams the first worksheet (exceljs WorkbookReader), one row at a time: row 1 holds the headers; the
 * template's notes row and example row are skipped, as are empty rows. More than `maxRows` data rows is
 * refused. Memory stays bounded by the shared strings, whatever the number of rows.
 */
export async function* streamLedgerSheet(bytes: Uint8Array, maxRows = MAX_IMPORT_ROWS): AsyncGenerator<SheetRow> {
  await checkXlsx(bytes, LEDGER_IMPORT_LIMITS);
  let count = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), {
      worksheets: "emit",
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      entries: "ignore",
    });
    for await (const sheet of reader) {
      let headers: string[] | null = null;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        // The export quotes text that could run as a formula; take the quote off (formula-guard).
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => unquoteFormula(cellText(v)));
        if (!headers) {
          headers = values.map(cleanHeader);
          const { missing } = mapHeaders(headers);
          if (missing.length) throw new AppError("BAD_INPUT", `第 1 行缺少必填列：${missing.join("、")}。请使用下载的模板`);
          continue;
        }
        if (values.every((v) => v.trim() === "")) continue;
        const cells: Record<string, string> = {};
        headers.forEach((h, i) => {
          if (h && values[i] !== undefined && values[i] !== "") cells[h] = values[i]!;
        });
        if (isNotesRow(cells) || isExampleRow(cells)) continue;
        if (++count > maxRows) throw new AppError("BAD_INPUT", `单次最多导入 ${maxRows} 行，请拆分文件`);
        yield { rowNumber: row.number, cells };
      }
      if (!headers) throw new AppError("BAD_INPUT", "第一个工作表是空的");
      break; // only the first worksheet is the ledger
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("IMPORT_BAD_FILE", "无法读取该 Excel 文件：文件可能已损坏，请用模板填写后另存为 .xlsx 再上传");
  }
}

/** The whole first worksheet as rows (row-by-row import sends them to the browser). */
export async function readLedgerSheet(bytes: Uint8Array, maxRows = MAX_ROW_BY_ROW, onProgress?: (rows: number) => void): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const r of streamLedgerSheet(bytes, maxRows)) {
    rows.push(r);
    if (rows.length % 500 === 0) onProgress?.(rows.length);
  }
  onProgress?.(rows.length);
  return rows;
}
