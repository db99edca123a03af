import { createInflateRaw } from "node:zlib";

/**
 * One guard for every zip the platform takes — attachments (R-SEC-2) and the xlsx import (R-LED-5). It reads
 * the central directory in memory (nothing is unpacked to disk) and refuses: entry names that could escape a
 * folder when unpacked (`..`, absolute paths, drive letters, either slash), symlinks, encrypted or exotic
 * entries, too many entries, and a total unpacked size over the cap — measured by really inflating each entry
 * with the output counted and thrown away, because the sizes the directory declares can lie.
 */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export type ZipLimits = { maxEntries: number; maxUnpackedBytes: number };
export const XLSX_LIMITS: ZipLimits = { maxEntries: 5000, maxUnpackedBytes: MAX_UNPACKED_BYTES };

export type ZipEntry = {
  name: string;
  rawName: Uint8Array;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
};
export type ZipRefusal = "not_zip" | "too_big" | "too_many" | "unsafe_name" | "encrypted" | "unsupported" | "corrupt";
export type ZipInspection =
  | { ok: true; entries: number; unpackedBytes: number; names: string[]; list: ZipEntry[] }
  | { ok: false; reason: ZipRefusal | "not_xlsx"; entry?: string };

const utf8 = new TextDecoder("utf-8");
// Zips made on Chinese Windows name entries in GBK unless the UTF-8 flag is set; decoding GBK as UTF-8 could
// even invent a backslash (0x5C is a valid GBK trail byte), so each name is decoded the way it was written.
const gbk = new TextDecoder("gbk");
// ...and checked byte by byte as well, so a GBK lead byte cannot swallow a backslash that another unzip tool
// (reading the name as CP437 or UTF-8) would see.
const latin1 = new TextDecoder("latin1");

/** Whether an entry name could land outside the folder it is unpacked into, or is no file name at all. */
export function unsafeEntryName(name: string): boolean {
  if (name === "" || /[\u0000-\u001f\u007f]/.test(name)) return true;
  if (/^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name) || name.includes(":")) return true;
  // Windows drops trailing dots and spaces, so ". ." or "..." can act as "..".
  return name.split(/[\\/]/).some((seg) => /^[. ]+$/.test(seg) && seg.replace(/ /g, "").length >= 2);
}

/** The central directory, checked without inflating anything (cheap; run first). */
export function inspectZip(buf: Uint8Array, limits: ZipLimits = XLSX_LIMITS): ZipInspection {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 22 || view.getUint32(0, true) !== 0x04034b50) return { ok: false, reason: "not_zip" };
  // End of central directory: the last 22 bytes plus a comment of at most 65 535 bytes.
  let eocd = -1;
  for (let i = buf.byteLength - 22; i >= Math.max(0, buf.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "not_zip" };
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: far beyond anything an upload needs.
  if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, reason: "too_big" };
  if (count > limits.maxEntries) return { ok: false, reason: "too_many" };
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) return { ok: false, reason: "unsupported" };
  if (cdOffset + cdSize > eocd) return { ok: false, reason: "not_zip" };
  let p = cdOffset;
  let total = 0;
  const names: string[] = [];
  const list: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > cdOffset + cdSize || view.getUint32(p, true) !== 0x02014b50) return { ok: false, reason: "not_zip" };
    const madeBy = view.getUint16(p + 4, true);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const declaredSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const externalAttrs = view.getUint32(p + 38, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > buf.byteLength) return { ok: false, reason: "not_zip" };
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : gbk).decode(rawName);
    if (declaredSize === 0xffffffff || compressedSize === 0xffffffff) return { ok: false, reason: "too_big", entry: name };
    if (flags & 0x1) return { ok: false, reason: "encrypted", entry: name };
    if (method !== 0 && method !== 8) return { ok: false, reason: "unsupported", entry: name };
    // A symlink entry (Unix mode S_IFLNK) points outside the archive once unpacked.
    const isSymlink = madeBy >> 8 === 3 && ((externalAttrs >>> 16) & 0xf000) === 0xa000;
    if (isSymlink || unsafeEntryName(name) || unsafeEntryName(latin1.decode(rawName))) return { ok: false, reason: "unsafe_name", entry: name };
    total += declaredSize;
    if (total > limits.maxUnpackedBytes) return { ok: false, reason: "too_big", entry: name };
    names.push(name);
    list.push({ name, rawName, method, compressedSize, declaredSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries: count, unpackedBytes: total, names, list };
}

/** Inflates one deflated entry with the output counted and dropped: memory stays at one 64 KB chunk. */
function inflatedLength(data: Uint8Array, budget: number): Promise<number | "too_big" | "corrupt"> {
  return new Promise((resolve) => {
    const z = createInflateRaw({ chunkSize: 64 * 1024 });
    let n = 0;
    let done = false;
    const finish = (v: number | "too_big" | "corrupt") => {
      if (done) return;
      done = true;
      resolve(v);
    };
    z.on("data", (chunk: Buffer) => {
      n += chunk.byteLength;
      if (n > budget) {
        finish("too_big");
        z.destroy();
      }
    });
    z.on("end", () => finish(n));
    z.on("error", () => finish("corrupt"));
    z.end(data);
  });
}

/**
 * The real unpacked size of the entries, against `limit`. Each local header must agree with the directory
 * (a different name there is how a traversal hides from directory-only checks). Over the limit wins over a
 * declared size that lies, which is "corrupt".
 */
export async function measureInflated(buf: Uint8Array, entries: ZipEntry[], limit: number): Promise<"ok" | "too_big" | "corrupt"> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let total = 0;
  let lied = false;
  for (const e of entries) {
    const h = e.localOffset;
    if (h + 30 > buf.byteLength || view.getUint32(h, true) !== 0x04034b50) return "corrupt";
    const nameLen = view.getUint16(h + 26, true);
    const local = buf.subarray(h + 30, h + 30 + nameLen);
    if (nameLen !== e.rawName.byteLength || !local.every((b, i) => b === e.rawName[i])) return "corrupt";
    const start = h + 30 + nameLen + view.getUint16(h + 28, true);
    if (start + e.compressedSize > buf.byteLength) return "corrupt";
    const data = buf.subarray(start, start + e.compressedSize);
    const size = e.method === 0 ? data.byteLength : await inflatedLength(data, limit - total);
    if (size === "corrupt") return "corrupt";
    if (size === "too_big") return "too_big";
    total += size;
    if (total > limit) return "too_big";
    if (size !== e.declaredSize) lied = true;
  }
  return lied ? "corrupt" : "ok";
}

/** Directory and real sizes together: what every upload path calls. */
export async function checkZip(buf: Uint8Array, limits: ZipLimits): Promise<ZipInspection> {
  const zip = inspectZip(buf, limits);
  if (!zip.ok) return zip;
  const real = await measureInflated(buf, zip.list, limits.maxUnpackedBytes);
  return real === "ok" ? zip : { ok: false, reason: real };
}

/** An xlsx workbook: a safe zip that holds the workbook parts. */
export function inspectXlsx(buf: Uint8Array, maxUnpacked = MAX_UNPACKED_BYTES): ZipInspection {
  const zip = inspectZip(buf, { ...XLSX_LIMITS, maxUnpackedBytes: maxUnpacked });
  if (!zip.ok) return { ok: false, reason: zip.reason };
  if (!zip.names.includes("xl/workbook.xml") || !zip.names.includes("[Content_Types].xml")) return { ok: false, reason: "not_xlsx" };
  return zip;
}
