import { describe, expect, it } from "vitest";
import { ledgerWorkbook, sampleRows } from "../../../../scripts/ledger/sample-file";
import { inspectZip } from "@/server/domain/files/zip-guard";
import { readLedgerSheet, realUnpackedWithin } from "./excel-read";

describe("xlsx reading (R-LED-5)", () => {
  it("R-LED-5 the real unpacked size is measured by inflating with a cap, whatever the directory declares", async () => {
    const bytes = Buffer.from(await ledgerWorkbook(sampleRows(200)));
    const zip = inspectZip(bytes);
    if (!zip.ok) throw new Error("not ok");
    const real = zip.list.reduce((s, e) => s + e.declaredSize, 0);
    expect(await realUnpackedWithin(bytes, zip.list, real)).toBe(true);
    expect(await realUnpackedWithin(bytes, zip.list, real - 1)).toBe(false);
    // A directory that lies (declares 1 byte per entry) still passes the cheap check, but not the real one.
    const lying = zip.list.map((e) => ({ ...e, declaredSize: 1 }));
    expect(await realUnpackedWithin(bytes, lying, 1000)).toBe(false);
  });
  it("R-LED-5 rows are streamed with dates and numbers as text; the template's notes and example rows are skipped", async () => {
    const rows = sampleRows(6);
    rows.unshift({ 器具名称: "必填，不超过 50 字", 型号规格: "必填", 测量范围: "选填", 准确度等级: "选填", 出厂编号: "必填；同一生产厂家下不能重复" });
    rows.splice(1, 0, { 器具名称: "燃油加油机", 出厂编号: "示例-0001" });
    const out = await readLedgerSheet(new Uint8Array(await ledgerWorkbook(rows)));
    expect(out).toHaveLength(6);
    expect(out[0]!.rowNumber).toBe(4);
    expect(out[2]!.cells["购买日期"]).toMatch(/^\d+$/); // an Excel serial day, parsed later
    expect(out[0]!.cells["器具数量"]).toBe("1");
  });
});
