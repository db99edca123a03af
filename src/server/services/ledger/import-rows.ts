import "server-only";
import type { DB } from "@/server/db/open";
import { parseLedgerRow, type RowError } from "@/server/domain/ledger/excel-row";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/audit";
import { rowLookups } from "./lookups";
import { createInstrument } from "./save-instrument";

export type RowResult = { rowNumber: number; ok: true; id: number } | { rowNumber: number; ok: false; errors: RowError[] };

/**
 * Row-by-row import ("逐行导入", R-LED-5): each row is checked and written on its own, so a failed row never
 * blocks the others; the caller gets one result per row.
 */
export async function importRows(db: DB, actor: Actor & { orgId: number }, rows: { rowNumber: number; cells: Record<string, string> }[]): Promise<RowResult[]> {
  const lookups = await rowLookups(db);
  const results: RowResult[] = [];
  for (const r of rows) {
    const parsed = parseLedgerRow(r.rowNumber, r.cells, lookups);
    if (!parsed.ok) {
      results.push({ rowNumber: r.rowNumber, ok: false, errors: parsed.errors });
      continue;
    }
    try {
      const row = await createInstrument(db, actor, parsed.value);
      results.push({ rowNumber: r.rowNumber, ok: true, id: row.id });
    } catch (e) {
      const message = e instanceof AppError ? e.message : "保存失败，请稍后重试";
      if (!(e instanceof AppError)) console.error("[ledger] row import failed", e);
      results.push({ rowNumber: r.rowNumber, ok: false, errors: [{ row: r.rowNumber, column: e instanceof AppError && e.appCode === "LEDGER_DUPLICATE" ? "出厂编号" : "", message }] });
    }
  }
  return results;
}
