import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { inspectXlsx as inspectZip } from "./zip-guard";

async function xlsx() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").addRow(["器具名称"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
function patchAll(buf: Uint8Array, from: string, to: string) {
  const out = Buffer.from(buf);
  const a = Buffer.from(from);
  for (let i = out.indexOf(a); i >= 0; i = out.indexOf(a, i + 1)) Buffer.from(to).copy(out, i);
  return new Uint8Array(out);
}

describe("xlsx upload guard (R-LED-5)", () => {
  it("R-LED-5 a real workbook passes with its declared unpacked size", async () => {
    const r = inspectZip(await xlsx());
    expect(r.ok).toBe(true);
    expect(r.ok && r.names).toContain("xl/workbook.xml");
  });
  it("R-LED-5 a zip bomb (declared unpacked size over the limit) is refused before parsing", async () => {
    expect(inspectZip(await xlsx(), 1000)).toEqual({ ok: false, reason: "too_big" });
  });
  it("R-LED-5 something that is not a zip, or a zip without a workbook, is not an xlsx", async () => {
    expect(inspectZip(new TextEncoder().encode("名称,型号\n甲,乙\n".repeat(10)))).toEqual({ ok: false, reason: "not_zip" });
    expect(inspectZip(patchAll(await xlsx(), "xl/workbook.xml", "xl/workbooX.xml"))).toEqual({ ok: false, reason: "not_xlsx" });
  });
});
