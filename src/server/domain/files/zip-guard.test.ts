import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { deflatedZeros, makeZip } from "../../../../tests/helpers/hostile-files";
import { checkZip, inspectXlsx, inspectZip, unsafeEntryName } from "./zip-guard";

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
    const r = inspectXlsx(await xlsx());
    expect(r.ok).toBe(true);
    expect(r.ok && r.names).toContain("xl/workbook.xml");
  });
  it("R-LED-5 a zip bomb (declared unpacked size over the limit) is refused before parsing", async () => {
    expect(inspectXlsx(await xlsx(), 1000)).toEqual({ ok: false, reason: "too_big" });
  });
  it("R-LED-5 something that is not a zip, or a zip without a workbook, is not an xlsx", async () => {
    expect(inspectXlsx(new TextEncoder().encode("名称,型号\n甲,乙\n".repeat(10)))).toEqual({ ok: false, reason: "not_zip" });
    expect(inspectXlsx(patchAll(await xlsx(), "xl/workbook.xml", "xl/workbooX.xml"))).toEqual({ ok: false, reason: "not_xlsx" });
  });
});

describe("zip guard for every upload (R-SEC-2)", () => {
  const text = (s: string) => new TextEncoder().encode(s);
  const limits = { maxEntries: 3, maxUnpackedBytes: 1000 };
  it("R-SEC-2 entry names that could escape the folder are refused, ordinary ones (Chinese, sub-folders) pass", () => {
    for (const bad of ["../x", "a/../../x", "..\\x", "a\\..\\x", "/etc/x", "\\x", "C:/x", "c:x", "a/b:c", ". ./x", "a/.../x", "a\u0000b", ""])
      expect(unsafeEntryName(bad), bad).toBe(true);
    for (const good of ["a.txt", "照片/1.jpg", "a/./b", ".hidden", "a..b.txt", "资料/说明..txt"]) expect(unsafeEntryName(good), good).toBe(false);
    expect(inspectZip(makeZip([{ name: "../../../../tmp/pwned.txt", data: text("x") }]), limits)).toMatchObject({ ok: false, reason: "unsafe_name" });
  });

  it("R-SEC-2 a GBK name cannot hide a backslash from a tool that reads it byte by byte", () => {
    // 0x81 0x5C is one GBK character, but "\" to CP437 or UTF-8 readers: "\.." there is a traversal.
    const zip = Buffer.from(makeZip([{ name: "AAAA..", data: text("x") }]));
    for (let at = zip.indexOf("AAAA.."); at >= 0; at = zip.indexOf("AAAA..", at + 1)) {
      zip[at + 2] = 0x81;
      zip[at + 3] = 0x5c;
    }
    zip.writeUInt16LE(0, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8); // no UTF-8 flag: GBK
    expect(inspectZip(new Uint8Array(zip), limits)).toMatchObject({ ok: false, reason: "unsafe_name" });
  });

  it("R-SEC-2 entry count and the REAL unpacked size are capped; a directory that lies is measured, not believed", async () => {
    const four = makeZip(["a", "b", "c", "d"].map((name) => ({ name, data: text("x") })));
    expect(inspectZip(four, limits)).toMatchObject({ ok: false, reason: "too_many" });
    const big = new Uint8Array(5000);
    expect(await checkZip(makeZip([{ name: "a", data: big }]), limits)).toMatchObject({ ok: false, reason: "too_big" });
    const lying = makeZip([{ name: "a", data: big, declaredSize: 10 }]);
    expect(inspectZip(lying, limits).ok).toBe(true); // the directory alone is fooled...
    expect(await checkZip(lying, limits)).toMatchObject({ ok: false, reason: "too_big" }); // ...the inflation is not
    expect(await checkZip(makeZip([{ name: "a", data: new Uint8Array(500), declaredSize: 10 }]), limits)).toMatchObject({ ok: false, reason: "corrupt" });
    expect(await checkZip(makeZip([{ name: "照片/1.txt", data: new Uint8Array(500) }, { name: "2.txt", data: text("y"), stored: true }]), limits)).toMatchObject({
      ok: true,
      entries: 2,
    });
  });

  it("R-SEC-2 a local header naming another file than the directory is refused", async () => {
    expect(await checkZip(makeZip([{ name: "ok.txt", localName: "../ok.txt", data: text("x") }]), limits)).toMatchObject({ ok: false, reason: "corrupt" });
  });

  it("R-SEC-2 a 200 MB zip bomb is measured with memory to spare and refused", async () => {
    const zeros = await deflatedZeros(200);
    const bomb = makeZip([{ name: "zeros.bin", data: new Uint8Array(), deflated: zeros, declaredSize: 1 }]);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const heap = process.memoryUsage().rss;
    expect(await checkZip(bomb, { maxEntries: 10, maxUnpackedBytes: 100 * 1024 * 1024 })).toMatchObject({ ok: false, reason: "too_big" });
    expect(process.memoryUsage().rss - heap).toBeLessThan(50 * 1024 * 1024);
  });
});
