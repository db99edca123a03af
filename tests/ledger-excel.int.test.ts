import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { EXCEL_COLUMNS } from "@/server/domain/ledger/excel-columns";
import { inspectZip } from "@/server/domain/files/zip-guard";
import { buildTemplate, TEMPLATE_FIRST_ROW, TEMPLATE_LAST_ROW } from "@/server/services/ledger/excel-write";
import { openTestDb } from "./helpers/db";

let database: Database;
beforeAll(async () => {
  database = await openTestDb();
});
afterAll(() => database?.close());

/** One entry of an xlsx as text, read straight from the zip (what Excel itself sees). */
function zipEntryText(bytes: Buffer, name: string): string {
  const zip = inspectZip(bytes);
  if (!zip.ok) throw new Error("not a zip");
  const e = zip.list.find((x) => x.name === name)!;
  const h = e.localOffset;
  const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  return (e.method === 8 ? inflateRawSync(data) : data).toString("utf8");
}

describe("issue 9 #18 the Excel template", () => {
  it("R-LED-5 has exactly one drop-down validation per list column, none overlapping", async () => {
    const bytes = await buildTemplate(database.db);
    const xml = zipEntryText(bytes, "xl/worksheets/sheet1.xml");
    const sqrefs = [...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1]!);
    const listColumns = EXCEL_COLUMNS.flatMap((c, i) => (c.list ? [String.fromCharCode(65 + i)] : []));
    expect(listColumns.length).toBeGreaterThan(5);
    expect(sqrefs.sort()).toEqual(listColumns.map((l) => `${l}${TEMPLATE_FIRST_ROW}:${l}${TEMPLATE_LAST_ROW}`).sort());

    // And exceljs still reads the drop-down on every row of the range.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.getWorksheet("台账")!;
    for (const l of listColumns) {
      expect(ws.getCell(`${l}${TEMPLATE_FIRST_ROW}`).dataValidation).toMatchObject({ type: "list" });
      expect(ws.getCell(`${l}${TEMPLATE_LAST_ROW}`).dataValidation).toMatchObject({ type: "list" });
    }
  });
});
