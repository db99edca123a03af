import { instrumentFields, type InstrumentFields } from "@/lib/schemas/ledger";
import { METHOD_LABEL, ORIGIN_LABEL, PURPOSE_LABEL, codeOf } from "@/lib/words";
import { cleanHeader, EXCEL_COLUMNS } from "./excel-columns";

export type RowError = { row: number; column: string; message: string };
export type KindRef = { id: number; supervision: "P" | "V" | "P+V"; label: string };
/** Lookups the row parser needs: catalogue kinds and counties by their labels (and counties by code). */
export type RowLookups = { kinds: Map<string, KindRef>; regions: Map<string, string> };

const STATUS_WORDS = { new: "新增", in_use: "在用" } as const;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date cell in any of the usual Excel forms: a serial number (46143), 2026-05-01, 2026/5/1, 2026.5.1,
 * 2026年5月1日, 20260501. Returns "YYYY-MM-DD", or null when it is not a date.
 */
export function parseExcelDate(raw: string): string | null {
  const s = raw.trim();
  if (/^\d{1,5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial < 1 || serial > 2958465) return null;
    return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const t = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === day ? day : null;
}

/** Maps header cells to column keys; reports missing required columns. */
export function mapHeaders(headers: string[]): { index: Map<string, number>; missing: string[] } {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const col = EXCEL_COLUMNS.find((c) => c.header === cleanHeader(h));
    if (col && !index.has(col.header)) index.set(col.header, i);
  });
  return { index, missing: EXCEL_COLUMNS.filter((c) => c.required && !index.has(c.header)).map((c) => c.header) };
}

const headerOf = (key: string) => EXCEL_COLUMNS.find((c) => c.key === key)?.header ?? key;

/**
 * One Excel row (cells by header, already strings) → the form's fields, checked with the same zod schema as
 * the form, plus catalogue and region lookups and R-CAT-1. Every problem is reported with its column.
 */
export function parseLedgerRow(
  rowNumber: number,
  cells: Record<string, string>,
  lookups: RowLookups,
): { ok: true; value: InstrumentFields } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (column: string, message: string) => errors.push({ row: rowNumber, column, message });
  const cell = (header: string) => (cells[header] ?? "").trim();

  const raw: Record<string, unknown> = {};
  for (const c of EXCEL_COLUMNS) {
    const v = cell(c.header);
    if (v === "") continue;
    switch (c.key) {
      case "region": {
        const code = lookups.regions.get(v.replace(/\s+/g, ""));
        if (code) raw.countyCode = code;
        else err(c.header, `所在地“${v}”不存在，请从下拉列表选择（省/市/区县）或填写 6 位区县代码`);
        break;
      }
      case "kind": {
        const kind = lookups.kinds.get(v.replace(/\s+/g, ""));
        if (!kind) err(c.header, `项别/种别“${v}”不在当前目录中，请从下拉列表选择`);
        else if (kind.supervision === "P") err(c.header, `“${kind.label}”仅实行型式批准（P），不属于强制检定，不能登记（R-CAT-1）`);
        else raw.kindId = kind.id;
        break;
      }
      case "origin": {
        const code = codeOf(ORIGIN_LABEL, v);
        raw.origin = code ?? v;
        break;
      }
      case "purpose":
        raw.purpose = codeOf(PURPOSE_LABEL, v) ?? v;
        break;
      case "method":
        raw.method = codeOf(METHOD_LABEL, v) ?? (v === "现场" ? "on_site" : v);
        break;
      case "status":
        raw.status = codeOf(STATUS_WORDS, v) ?? v;
        break;
      case "purchaseDate": {
        const d = parseExcelDate(v);
        if (d) raw.purchaseDate = d;
        else err(c.header, `购买日期“${v}”无法识别，请填写如 2026-05-01 的日期`);
        break;
      }
      default:
        raw[c.key] = v;
    }
  }
  // Required lookups that were simply left empty.
  if (!cell(headerOf("region"))) err(headerOf("region"), "请填写所在地");
  if (!cell(headerOf("kind"))) err(headerOf("kind"), "请填写项别/种别");

  const parsed = instrumentFields.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (key === "kindId" || key === "countyCode") continue; // reported above with a better message
      err(headerOf(key), issue.message);
    }
  }
  if (errors.length || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
