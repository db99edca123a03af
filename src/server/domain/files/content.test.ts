import { describe, expect, it } from "vitest";
import { JPG, PDF, PNG, SMALL_ZIP } from "../../../../tests/helpers/hostile-files";
import { embeddedArchive, inspectRar, pdfComplete } from "./content";
import { unsafeEntryName } from "./zip-guard";

const text = (s: string) => new TextEncoder().encode(s);
const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));

/** RAR 5 variable-length integer. */
function vint(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
/** A RAR 5 header: CRC32 (not checked by the guard), size, then the body. */
const header = (body: number[]) => [0, 0, 0, 0, ...vint(body.length), ...body];
/** A RAR 5 archive with stored files, written from the format's documentation (rarlab.com/technote.htm). */
function rar5(files: { name: string; size: number }[], opts: { encrypted?: boolean; end?: boolean } = {}): Uint8Array {
  const bytes = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00];
  if (opts.encrypted) bytes.push(...header([4, 0, 0, 1, 0]));
  bytes.push(...header([1, 0, 0])); // main archive header
  for (const f of files) {
    const name = [...text(f.name)];
    bytes.push(...header([2, 0x2, ...vint(0), 0, ...vint(f.size), 0, 0, 0, ...vint(name.length), ...name]));
  }
  if (opts.end !== false) bytes.push(...header([5, 0, 0]));
  return Uint8Array.from(bytes);
}
const limits = { maxEntries: 3, maxUnpackedBytes: 1000 };

describe("content checks (R-SEC-2)", () => {
  it("R-SEC-2 a PDF needs its header and an %%EOF in the last kilobyte", () => {
    expect(pdfComplete(PDF)).toBe(true);
    expect(pdfComplete(text("%PDF-1.7\n1 0 obj <<"))).toBe(false);
    expect(pdfComplete(join(PDF, new Uint8Array(2048)))).toBe(false);
    expect(pdfComplete(text("x%PDF-1.4\n%%EOF"))).toBe(false);
  });

  it("R-SEC-2 a picture or PDF that also opens as an archive is found; plain ones are not", () => {
    for (const plain of [PDF, PNG, JPG]) expect(embeddedArchive(plain)).toBeNull();
    expect(embeddedArchive(join(PNG, SMALL_ZIP))).toBe("zip");
    expect(embeddedArchive(join(JPG, SMALL_ZIP, text("trailing bytes")))).toBe("zip");
    expect(embeddedArchive(join(PDF, rar5([{ name: "a.txt", size: 1 }])))).toBe("rar");
    // The signature alone, pointing at no directory, is chance, not an archive.
    const fake = new Uint8Array(64);
    fake.set([0x50, 0x4b, 0x05, 0x06], 10);
    new DataView(fake.buffer).setUint32(10 + 16, 1_000_000, true);
    expect(embeddedArchive(fake)).toBeNull();
  });

  it("R-SEC-2 RAR 5: names, count and declared size are checked from the headers; encrypted headers and cut files are refused", () => {
    expect(inspectRar(rar5([{ name: "照片/1.jpg", size: 10 }]), limits, unsafeEntryName)).toEqual({ ok: true, entries: 1, declaredBytes: 10 });
    expect(inspectRar(rar5([{ name: "../../tmp/pwned.txt", size: 1 }]), limits, unsafeEntryName)).toMatchObject({ ok: false, reason: "unsafe_name" });
    expect(inspectRar(rar5([{ name: "C:\\x.dll", size: 1 }]), limits, unsafeEntryName)).toMatchObject({ ok: false, reason: "unsafe_name" });
    expect(inspectRar(rar5([{ name: "a", size: 600 }, { name: "b", size: 600 }]), limits, unsafeEntryName)).toMatchObject({ ok: false, reason: "too_big" });
    expect(inspectRar(rar5(["a", "b", "c", "d"].map((name) => ({ name, size: 1 }))), limits, unsafeEntryName)).toMatchObject({ ok: false, reason: "too_many" });
    expect(inspectRar(rar5([{ name: "a", size: 1 }], { encrypted: true }), limits, unsafeEntryName)).toMatchObject({ ok: false, reason: "encrypted" });
    expect(inspectRar(rar5([{ name: "a", size: 1 }], { end: false }), limits, unsafeEntryName)).toMatchObject({ ok: false, reason: "not_rar" });
    expect(inspectRar(PDF, limits, unsafeEntryName)).toMatchObject({ ok: false, reason: "not_rar" });
  });

  it("R-SEC-2 RAR 4: a file block's name is checked, encrypted headers are refused", () => {
    const block = (type: number, flags: number, body: number[]) => {
      const size = 7 + body.length;
      return [0, 0, type, flags & 0xff, flags >> 8, size & 0xff, size >> 8, ...body];
    };
    const file = (name: string) => {
      const n = [...text(name)];
      const body = new Array(25).fill(0);
      body[4] = 5; // unpacked size
      body[19] = n.length; // name size
      return block(0x74, 0, [...body, ...n]);
    };
    const marker = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00];
    const main = (flags: number) => block(0x73, flags, [0, 0, 0, 0, 0, 0]);
    expect(inspectRar(Uint8Array.from([...marker, ...main(0), ...file("docs/a.txt"), ...block(0x7b, 0, [])]), limits, unsafeEntryName)).toEqual({
      ok: true,
      entries: 1,
      declaredBytes: 5,
    });
    expect(inspectRar(Uint8Array.from([...marker, ...main(0), ...file("..\\..\\evil.bat")]), limits, unsafeEntryName)).toMatchObject({ reason: "unsafe_name" });
    expect(inspectRar(Uint8Array.from([...marker, ...main(0x80)]), limits, unsafeEntryName)).toMatchObject({ reason: "encrypted" });
  });

});
