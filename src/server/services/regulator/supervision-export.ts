import "server-only";
import { PassThrough, type Readable } from "node:stream";
import { and, desc, lt } from "drizzle-orm";
import ExcelJS from "exceljs";
import { chinaToday } from "@/lib/china-day";
import type { SupervisionFilter } from "@/lib/schemas/regulator";
import { BUCKET_LABEL, FILING_STATUS_LABEL, PURPOSE_LABEL } from "@/lib/words";
import type { Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { instruments } from "@/server/db/schema";
import { headlineBucket } from "@/server/domain/filing/buckets";
import { neutraliseFormula } from "@/server/domain/ledger/formula-guard";
import { supervisionWhere } from "./supervision-filter";
import { supervisionColumns, supervisionFrom, type SupervisionRow } from "./supervision";

export const SUPERVISION_EXPORT_HEADERS = [
  "器具名称", "型号规格", "出厂编号", "生产厂家", "项别", "种别", "用途", "所在区县", "使用单位", "检定机构",
  "备案状态", "器具编码", "备案通过日期", "有效期至", "状况", "不合格日期",
] as const;
const BATCH = 1000;

/**
 * 辖区仪器 export (issue 12 item 3): the filtered list as a streamed .xlsx (exceljs WorkbookWriter), read in
 * keyset batches, so a province's hundreds of thousands of rows never sit in memory. The filter is checked
 * (region in scope, known values) before the first byte, so a refusal is an HTTP error, not a broken file.
 */
export async function exportSupervision(db: Queryable, scope: Scope, f: SupervisionFilter): Promise<Readable> {
  const today = chinaToday();
  const where = await supervisionWhere(db, scope, f, today);
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet("辖区仪器");
  ws.columns = SUPERVISION_EXPORT_HEADERS.map((h) => ({ header: h, width: h === "使用单位" || h === "检定机构" ? 30 : 14 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  (async () => {
    let cursor: number | null = null;
    for (;;) {
      const rows = (await supervisionFrom(db, supervisionColumns)
        .where(and(where, cursor ? lt(instruments.id, cursor) : undefined))
        .orderBy(desc(instruments.id))
        .limit(BATCH)) as unknown as SupervisionRow[];
      for (const r of rows) {
        const b = headlineBucket(r, today);
        ws.addRow(
          [
            r.name, r.model, r.serialNo, r.manufacturer, r.itemName, r.kindName, PURPOSE_LABEL[r.purpose], r.countyName ?? "", r.enterpriseName,
            r.institutionName ?? "", FILING_STATUS_LABEL[r.filingStatus], r.instrumentCode ?? "", r.approvedOn ?? "", r.validUntil ?? "",
            b ? BUCKET_LABEL[b] : "", r.failedSince ?? "",
          ].map(neutraliseFormula),
        ).commit();
      }
      if (rows.length < BATCH) break;
      cursor = rows[rows.length - 1]!.id;
    }
    ws.commit();
    await wb.commit();
  })().catch((e) => {
    console.error("[regulator] export failed", e);
    out.destroy(e as Error);
  });
  return out;
}
