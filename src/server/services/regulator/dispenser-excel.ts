import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { dispenserFields, type DispenserFields } from "@/lib/schemas/regulator";
import type { RegulatorCaller } from "@/server/authz/caller";
import type { DB } from "@/server/db/open";
import { unquoteFormula } from "@/server/domain/ledger/formula-guard";
import { AppError } from "@/server/errors";
import { writeAudit } from "@/server/services/audit";
import { cellText, checkXlsx } from "@/server/services/ledger/excel-read";
import { insertDispensers, stationInScope } from "./dispensers";

/** Columns of the dispenser template (issue 12 item 6), in the form's words; * marks required ones. */
export const DISPENSER_COLUMNS = [
  { key: "serialNo", header: "出厂编号", required: true, example: "JYJ-2024-0001" },
  { key: "manufacturer", header: "生产厂家", required: true, example: "示例加油机制造有限公司" },
  { key: "model", header: "型号规格", required: true, example: "CS46" },
  { key: "nozzleCount", header: "枪数", required: true, example: "4" },
  { key: "mcuVersion", header: "监控微处理器版本", required: true, example: "V2.1" },
  { key: "encoderVersion", header: "编码器版本", required: true, example: "E1.3" },
  { key: "antiCheatVersion", header: "防作弊系统版本", required: true, example: "F3.0" },
  { key: "installLocation", header: "安装位置", required: false, example: "1号加油岛" },
] as const;
export const MAX_DISPENSER_ROWS = 2000;
const EXAMPLE_PREFIX = "示例";

export async function buildDispenserTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "强检通";
  const ws = wb.addWorksheet("加油机");
  ws.columns = DISPENSER_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: 20 }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(DISPENSER_COLUMNS.map((c) => (c.key === "serialNo" ? `${EXAMPLE_PREFIX}-${c.example}` : c.example))).font = { italic: true, color: { argb: "FF808080" } };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type DispenserRowError = { row: number; message: string };

/** Reads the first sheet: row 1 headers (the template's, * optional), an example row starting 示例 skipped. */
export async function readDispenserSheet(bytes: Uint8Array): Promise<{ rows: { row: number; fields: DispenserFields }[]; errors: DispenserRowError[] }> {
  await checkXlsx(bytes);
  const rows: { row: number; fields: DispenserFields }[] = [];
  const errors: DispenserRowError[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), { worksheets: "emit", sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore", entries: "ignore" });
  try {
    for await (const sheet of reader) {
      let index: Record<string, number> | null = null;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => unquoteFormula(cellText(v)).trim());
        if (!index) {
          const headers = values.map((h) => h.replace(/\*$/, "").trim());
          index = Object.fromEntries(DISPENSER_COLUMNS.map((c) => [c.key, headers.indexOf(c.header)]));
          const missing = DISPENSER_COLUMNS.filter((c) => c.required && index![c.key]! < 0).map((c) => c.header);
          if (missing.length) throw new AppError("BAD_INPUT", `第 1 行缺少必填列：${missing.join("、")}。请使用下载的加油机模板`);
          continue;
        }
        if (values.every((v) => v === "")) continue;
        const raw = Object.fromEntries(DISPENSER_COLUMNS.map((c) => [c.key, index![c.key]! >= 0 ? (values[index![c.key]!] ?? "") : ""]));
        if (raw.serialNo?.startsWith(EXAMPLE_PREFIX)) continue;
        if (rows.length + errors.length >= MAX_DISPENSER_ROWS) throw new AppError("BAD_INPUT", `单次最多导入 ${MAX_DISPENSER_ROWS} 台加油机，请拆分文件`);
        const parsed = dispenserFields.safeParse(raw);
        if (parsed.success) rows.push({ row: row.number, fields: parsed.data });
        else errors.push({ row: row.number, message: parsed.error.issues.map((i) => i.message).join("；") });
      }
      if (!index) throw new AppError("BAD_INPUT", "第一个工作表是空的");
      break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("IMPORT_BAD_FILE");
  }
  return { rows, errors };
}

/**
 * 加油机导入: all rows of the file for one station in the regulator's region, or none — any row error
 * (a field, a duplicate) is reported with its row number and nothing is written.
 */
export async function importDispensers(db: DB, caller: Pick<RegulatorCaller, "scope" | "actor">, enterpriseId: number, bytes: Uint8Array) {
  const station = await stationInScope(db, caller.scope, enterpriseId);
  const { rows, errors } = await readDispenserSheet(bytes);
  if (errors.length) return { created: 0, errors };
  if (rows.length === 0) throw new AppError("BAD_INPUT", "文件中没有加油机数据行");
  try {
    return await db.transaction(async (tx) => {
      const ids = await insertDispensers(tx, caller, station, rows.map((r) => r.fields), (i) => `第 ${rows[i]!.row} 行`);
      await writeAudit(tx, caller.actor, { action: "dispenser.import", entityType: "organisation", entityId: station.id, after: { count: ids.length } });
      return { created: ids.length, errors: [] as DispenserRowError[] };
    });
  } catch (e) {
    if (e instanceof AppError && e.appCode === "DISPENSER_DUPLICATE") return { created: 0, errors: [{ row: 0, message: e.message }] };
    throw e;
  }
}
