/**
 * The hostile-file corpus of issue 9 item 1 (R-SEC-2), generated at test time: nothing large is committed.
 * A tiny zip writer builds archives whose directory can say what the attacker wants (names, declared sizes).
 */
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

export type ZipSpec = {
  name: string;
  data: Uint8Array;
  /** Already deflated bytes (for the streamed bomb); `data` is then ignored for the payload. */
  deflated?: { bytes: Uint8Array; size: number; crc: number };
  /** What the directory claims the entry unpacks to (a lie when it differs from the real size). */
  declaredSize?: number;
  /** A different name in the local header than in the central directory. */
  localName?: string;
  stored?: boolean;
};

/** A zip (deflate or stored entries, UTF-8 names) with the directory's claims under the caller's control. */
export function makeZip(entries: ZipSpec[], comment = ""): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const payload = e.deflated ? Buffer.from(e.deflated.bytes) : e.stored ? Buffer.from(e.data) : deflateRawSync(e.data);
    const size = e.deflated?.size ?? e.data.byteLength;
    const crc = e.deflated?.crc ?? crc32(e.data);
    const declared = e.declaredSize ?? size;
    const method = e.stored ? 0 : 8;
    const cname = Buffer.from(e.name);
    const lname = Buffer.from(e.localName ?? e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(payload.byteLength, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(lname.byteLength, 26);
    locals.push(local, lname, payload);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(payload.byteLength, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(cname.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, cname);
    offset += 30 + lname.byteLength + payload.byteLength;
  }
  const cd = Buffer.concat(centrals);
  const c = Buffer.from(comment);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.byteLength, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(c.byteLength, 20);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd, c]));
}

/** `mb` megabytes of zeros, deflated while streaming 1 MB chunks, so the test never holds the unpacked data. */
export async function deflatedZeros(mb: number): Promise<{ bytes: Uint8Array; size: number; crc: number }> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on("end", r));
  const chunk = Buffer.alloc(1024 * 1024);
  let crc = 0;
  for (let i = 0; i < mb; i++) {
    crc = crc32(chunk, crc);
    if (!z.write(chunk)) await new Promise((r) => z.once("drain", r));
  }
  z.end();
  await done;
  return { bytes: new Uint8Array(Buffer.concat(out)), size: mb * 1024 * 1024, crc };
}

const text = (s: string) => new TextEncoder().encode(s);
const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));

export const PDF = text("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
export const PNG = new Uint8Array(
  Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex"),
);
export const JPG = new Uint8Array(Buffer.from("ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffd9", "hex"));
export const SMALL_ZIP = makeZip([{ name: "照片/说明.txt", data: text("计量器具附件说明\n".repeat(20)) }]);

/** A valid PDF of `bytes` bytes (padding inside a comment), for the size caps. */
export function pdfOfSize(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out.set(text("%PDF-1.4\n%"));
  out.fill(0x20, 10, bytes - 7);
  out.set(text("\n%%EOF\n"), bytes - 7);
  return out;
}

export type HostileFile = { label: string; name: string; bytes: () => Promise<Uint8Array>; reason: RegExp };

let zeros: Promise<{ bytes: Uint8Array; size: number; crc: number }> | undefined;
/** 200 MB of zeros deflated once per test file (about 200 KB). */
const bombPayload = () => (zeros ??= deflatedZeros(200));
const now = (b: Uint8Array) => async () => b;
const workbookParts = [
  { name: "[Content_Types].xml", data: text("<Types/>") },
  { name: "xl/workbook.xml", data: text("<workbook/>") },
];

/** Oversize for every upload path: attachments take 10 MB, registration documents 5 MB. */
export const OVERSIZE = 10 * 1024 * 1024 + 1;

/**
 * The corpus: each file with the name it is uploaded under (an extension that agrees with its content where
 * that matters, so only the content check can catch it) and the Chinese refusal it must get.
 */
export const HOSTILE: HostileFile[] = [
  {
    label: "zip bomb: 200 MB of zeros in one entry of an xlsx-looking zip, sizes declared truthfully",
    name: "台账.zip",
    bytes: async () => makeZip([...workbookParts, { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(), deflated: await bombPayload() }]),
    reason: /解压后超过/,
  },
  {
    label: "zip bomb whose directory lies (declares 1 KB for 200 MB)",
    name: "bomb.zip",
    bytes: async () => makeZip([{ name: "zeros.bin", data: new Uint8Array(), deflated: await bombPayload(), declaredSize: 1024 }]),
    reason: /解压后超过/,
  },
  { label: "traversal zip ../../../../tmp/pwned.txt", name: "资料.zip", bytes: now(makeZip([{ name: "../../../../tmp/pwned.txt", data: text("pwned") }])), reason: /不安全的路径/ },
  { label: "traversal zip with backslashes", name: "资料.zip", bytes: now(makeZip([{ name: "..\\..\\evil.bat", data: text("x") }])), reason: /不安全的路径/ },
  { label: "zip with an absolute path", name: "资料.zip", bytes: now(makeZip([{ name: "/etc/cron.d/x", data: text("x") }])), reason: /不安全的路径/ },
  { label: "zip with a drive letter", name: "资料.zip", bytes: now(makeZip([{ name: "C:/Windows/x.dll", data: text("x") }])), reason: /不安全的路径/ },
  {
    label: "zip whose local header hides a traversal the directory does not show",
    name: "资料.zip",
    bytes: now(makeZip([{ name: "ok.txt", localName: "../x.txt", data: text("x") }])),
    reason: /不是完整有效的 ZIP/,
  },
  { label: "truncated PDF (19 bytes)", name: "报告.pdf", bytes: now(text("%PDF-1.7\n1 0 obj <<")), reason: /不是完整的 PDF/ },
  { label: "Windows executable renamed .pdf", name: "报告.pdf", bytes: now(join(text("MZ"), new Uint8Array(200).fill(1))), reason: /类型不受支持/ },
  { label: "ELF executable renamed .jpg", name: "照片.jpg", bytes: now(join(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), new Uint8Array(200))), reason: /类型不受支持/ },
  { label: "polyglot: PNG with a zip appended", name: "照片.png", bytes: now(join(PNG, SMALL_ZIP)), reason: /伪装文件/ },
  { label: "polyglot: JPEG that is also a zip", name: "照片.jpg", bytes: now(join(JPG, SMALL_ZIP)), reason: /伪装文件/ },
  {
    label: "polyglot: PDF with a zip appended (zip comment ends in %%EOF)",
    name: "报告.pdf",
    bytes: now(join(PDF, makeZip([{ name: "a.txt", data: text("x") }], "%%EOF"))),
    reason: /伪装文件/,
  },
  { label: "content and extension disagree: a PNG named .pdf", name: "报告.pdf", bytes: now(PNG), reason: /扩展名“\.pdf”与文件内容（PNG）不符/ },
  { label: "empty file", name: "空.pdf", bytes: now(new Uint8Array()), reason: /空文件|请上传/ },
  { label: "oversize PDF", name: "大文件.pdf", bytes: async () => pdfOfSize(OVERSIZE), reason: /过大/ },
];
