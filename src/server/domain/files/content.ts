/**
 * Content checks after the magic bytes have named a file's kind (R-SEC-2): a PDF must be complete, a RAR must
 * be a plain RAR, and a document or picture must not also be an archive (a polyglot).
 */
const ascii = new TextDecoder("latin1");

/** Header `%PDF-x.y` at the start and the `%%EOF` marker in the last 1 KB (where readers look for it). */
export function pdfComplete(b: Uint8Array): boolean {
  if (!/^%PDF-\d\.\d/.test(ascii.decode(b.subarray(0, 8)))) return false;
  return ascii.decode(b.subarray(Math.max(0, b.byteLength - 1024))).includes("%%EOF");
}

/** Native search (Buffer.indexOf): a 10 MB upload is scanned in milliseconds. */
function indexOf(b: Uint8Array, sig: readonly number[], from = 0): number {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(Uint8Array.from(sig), from);
}

const EOCD = [0x50, 0x4b, 0x05, 0x06] as const;
const RAR = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] as const; // "Rar!\x1a\x07", RAR 4 and 5

/**
 * Whether a file that is not an archive by its first bytes still opens as one: a zip is found by unzip tools
 * through its end-of-central-directory record in the last 64 KB (so a zip appended to a JPEG or PDF works),
 * and RAR tools scan the whole file for the RAR signature (self-extracting archives).
 */
export function embeddedArchive(b: Uint8Array): "zip" | "rar" | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = b.byteLength - 22; i >= Math.max(0, b.byteLength - 22 - 65_535); i--) {
    if (b[i] !== EOCD[0] || view.getUint32(i, true) !== 0x06054b50) continue;
    // A real record points at a central directory inside the file: random bytes that merely look like the
    // signature (1 in 4 billion per position) do not.
    const cdSize = view.getUint32(i + 12, true);
    const cdOffset = view.getUint32(i + 16, true);
    if (cdOffset + cdSize <= i) return "zip";
  }
  return indexOf(b, RAR) >= 0 ? "rar" : null;
}

export type RarRefusal = "not_rar" | "encrypted" | "too_many" | "too_big" | "unsafe_name";
export type RarInspection = { ok: true; entries: number; declaredBytes: number } | { ok: false; reason: RarRefusal; entry?: string };
type RarLimits = { maxEntries: number; maxUnpackedBytes: number };

/**
 * RAR cannot be inflated here (no maintained decoder in the stack), so a RAR is checked by what its headers
 * say, walked without unpacking: the signature, no encrypted headers (they would hide the names), every file
 * name safe to unpack (same rule as zip entries), the entry count, and the declared unpacked total. Unlike a
 * zip, the real unpacked size is not measured.
 */
export function inspectRar(b: Uint8Array, limits: RarLimits, unsafeName: (n: string) => boolean): RarInspection {
  if (indexOf(b.subarray(0, 8), RAR) !== 0) return { ok: false, reason: "not_rar" };
  try {
    if (b[6] === 0x00) return walkRar4(b, limits, unsafeName);
    if (b[6] === 0x01 && b[7] === 0x00) return walkRar5(b, limits, unsafeName);
  } catch {
    /* a header runs past the end of the file */
  }
  return { ok: false, reason: "not_rar" };
}

function need(b: Uint8Array, end: number) {
  if (end > b.byteLength) throw new RangeError("truncated");
}

function entryCheck(state: { entries: number; total: number }, name: string, size: number, limits: RarLimits, unsafeName: (n: string) => boolean): RarInspection | null {
  if (unsafeName(name)) return { ok: false, reason: "unsafe_name", entry: name };
  if (++state.entries > limits.maxEntries) return { ok: false, reason: "too_many" };
  state.total += size;
  if (state.total > limits.maxUnpackedBytes) return { ok: false, reason: "too_big", entry: name };
  return null;
}

/** RAR 1.5–4: blocks of CRC(2) type(1) flags(2) size(2) [add size(4)]; file blocks are type 0x74. */
function walkRar4(b: Uint8Array, limits: RarLimits, unsafeName: (n: string) => boolean): RarInspection {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const state = { entries: 0, total: 0 };
  let p = 7;
  while (p + 7 <= b.byteLength) {
    const type = b[p + 2]!;
    const flags = v.getUint16(p + 3, true);
    const size = v.getUint16(p + 5, true);
    if (size < 7) return { ok: false, reason: "not_rar" };
    let next = p + size;
    if (type === 0x73 && flags & 0x80) return { ok: false, reason: "encrypted" };
    if (type === 0x7b) break; // end of archive
    if (type === 0x74) {
      need(b, p + 32);
      const packed = v.getUint32(p + 7, true);
      let unpacked = v.getUint32(p + 11, true);
      const nameSize = v.getUint16(p + 26, true);
      let q = p + 32;
      if (flags & 0x100) {
        need(b, q + 8);
        unpacked += v.getUint32(q + 4, true) * 2 ** 32;
        next += v.getUint32(q, true) * 2 ** 32;
        q += 8;
      }
      need(b, q + nameSize);
      let raw = b.subarray(q, q + nameSize);
      // Unicode names are stored as "legacy\0encoded": the legacy part is what older tools unpack to.
      const nul = raw.indexOf(0);
      if (nul >= 0) raw = raw.subarray(0, nul);
      const hit = entryCheck(state, ascii.decode(raw), unpacked, limits, unsafeName);
      if (hit) return hit;
      next += packed;
    } else if (flags & 0x8000) {
      need(b, p + 11);
      next += v.getUint32(p + 7, true);
    }
    if (next <= p) return { ok: false, reason: "not_rar" };
    need(b, next); // a file cut short is refused
    p = next;
  }
  return { ok: true, entries: state.entries, declaredBytes: state.total };
}

/** RAR 5: headers of CRC32, vint size, vint type, vint flags, [extra size], [data size]; files are type 2. */
function walkRar5(b: Uint8Array, limits: RarLimits, unsafeName: (n: string) => boolean): RarInspection {
  const utf8 = new TextDecoder("utf-8");
  const state = { entries: 0, total: 0 };
  let p = 8;
  const vint = (): number => {
    let out = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      need(b, p + 1);
      const byte = b[p++]!;
      out += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return out;
    }
    throw new RangeError("vint");
  };
  while (p + 4 < b.byteLength) {
    p += 4; // header CRC32
    const headerSize = vint();
    const bodyStart = p;
    const type = vint();
    const flags = vint();
    if (flags & 0x1) vint(); // extra area size
    const dataSize = flags & 0x2 ? vint() : 0;
    if (type === 4) return { ok: false, reason: "encrypted" }; // archive encryption header: names are hidden
    if (type === 2) {
      const fileFlags = vint();
      const unpacked = vint();
      vint(); // attributes
      if (fileFlags & 0x2) p += 4; // mtime
      if (fileFlags & 0x4) p += 4; // data CRC32
      vint(); // compression information
      vint(); // host OS
      const nameLen = vint();
      need(b, p + nameLen);
      // "Unpacked size unknown" (streamed archives) cannot be capped: count it as over the limit.
      const size = fileFlags & 0x8 ? Infinity : unpacked;
      const hit = entryCheck(state, utf8.decode(b.subarray(p, p + nameLen)), size, limits, unsafeName);
      if (hit) return hit;
    }
    const next = bodyStart + headerSize + dataSize;
    if (next <= bodyStart) return { ok: false, reason: "not_rar" };
    need(b, next); // a file cut short is refused
    p = next;
    if (type === 5) return { ok: true, entries: state.entries, declaredBytes: state.total };
  }
  // RAR 5 always ends with an end-of-archive header: without it the file was cut short.
  return { ok: false, reason: "not_rar" };
}
