/**
 * Reads a zip's central directory (without unpacking anything) to refuse zip bombs and files that are not
 * an xlsx workbook, before any parser touches them (R-LED-5).
 */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5000;

export type ZipEntry = { name: string; method: number; compressedSize: number; declaredSize: number; localOffset: number };
export type ZipInspection =
  | { ok: true; entries: number; unpackedBytes: number; names: string[]; list: ZipEntry[] }
  | { ok: false; reason: "not_zip" | "too_big" | "not_xlsx" };

export function inspectZip(buf: Uint8Array, maxUnpacked = MAX_UNPACKED_BYTES): ZipInspection {
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
  // ZIP64 markers: far beyond anything a ledger needs.
  if (count === 0xffff || cdOffset === 0xffffffff || count > MAX_ENTRIES) return { ok: false, reason: "too_big" };
  if (cdOffset + cdSize > buf.byteLength) return { ok: false, reason: "not_zip" };
  let p = cdOffset;
  let total = 0;
  const names: string[] = [];
  const list: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.byteLength || view.getUint32(p, true) !== 0x02014b50) return { ok: false, reason: "not_zip" };
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    const localOffset = view.getUint32(p + 42, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (uncompressed === 0xffffffff) return { ok: false, reason: "too_big" };
    total += uncompressed;
    if (total > maxUnpacked) return { ok: false, reason: "too_big" };
    const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen));
    names.push(name);
    list.push({ name, method, compressedSize, declaredSize: uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (!names.includes("xl/workbook.xml") || !names.includes("[Content_Types].xml")) return { ok: false, reason: "not_xlsx" };
  return { ok: true, entries: count, unpackedBytes: total, names, list };
}
