import "server-only";
import { Readable } from "node:stream";
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { ZipEntry } from "@/server/domain/files/zip-guard";
import { attrOf, eachAttr, XmlScanner } from "./xml-scan";

/**
 * A lean streaming reader of the first worksheet of an xlsx already in memory (issue 14 item 3): the workbook,
 * its relations, styles and shared strings are read first by random access through the zip's central
 * directory (the file is in memory anyway), then the sheet's XML is inflated and parsed chunk by chunk with
 * the lean tokenizer of xml-scan.ts (saxes for the small parts: workbook, relations, styles). Each row comes
 * out as an array of cell texts, as exceljs's WorkbookReader + `cellText` gave them (dates of date-formatted cells as YYYY-MM-DD, formulas by their cached result, rich text joined), without
 * exceljs's per-cell objects nor its temporary file when the shared strings come after the sheet (as in our
 * own streaming export). Memory: the shared strings and one inflated chunk's rows.
 */
export type XlsxRow = { number: number; values: string[] };

const td = new TextDecoder();

/** The stored bytes of an entry (its local header checked by the zip guard before). */
function rawOf(buf: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const h = e.localOffset;
  if (view.getUint32(h, true) !== 0x04034b50) throw new Error("bad local header");
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  return buf.subarray(start, start + e.compressedSize);
}

function textOf(buf: Uint8Array, e: ZipEntry | undefined): string {
  if (!e) return "";
  const raw = rawOf(buf, e);
  return td.decode(e.method === 0 ? raw : inflateRawSync(raw));
}

/** Runs saxes over a whole (small) part. */
function parseXml(xml: string, on: { open?: (t: SaxesTagPlain) => void; close?: (name: string) => void; text?: (s: string) => void }) {
  if (!xml) return; // an optional part the workbook does not have (no shared strings, no styles)
  const p = new SaxesParser();
  if (on.open) p.on("opentag", on.open);
  if (on.close) p.on("closetag", (t) => on.close!(t.name));
  if (on.text) p.on("text", on.text);
  p.write(xml).close();
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, and the CJK ones exceljs treats so). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** A custom format is a date if, with its quoted text, [colour/locale] sections and escapes taken out, it has y/m/d/h/s. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").replace(/General/gi, "");
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Which cell styles (the `s` index) show a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inXfs = false;
  parseXml(xml, {
    open: (t) => {
      const n = local(t.name);
      if (n === "numFmt") custom.set(Number(t.attributes.numFmtId), String(t.attributes.formatCode ?? ""));
      else if (n === "cellXfs") inXfs = true;
      else if (n === "xf" && inXfs) {
        const id = Number(t.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        styles.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id));
      }
    },
    close: (n) => {
      if (local(n) === "cellXfs") inXfs = false;
    },
  });
  return styles;
}

/** Shared strings; a rich-text one (runs, phonetic runs left out) is flagged, as exceljs kept it unshortened. */
function sharedStrings(xml: string): { text: string[]; rich: Set<number> } {
  const text: string[] = [];
  const rich = new Set<number>();
  let cur: string[] | null = null;
  let inT = false;
  let inPh = 0;
  let isRich = false;
  // The large part of a workbook with 100,000 distinct serial numbers: the fast scanner, not saxes.
  new XmlScanner({
    open: (n) => {
      if (n === "si") {
        cur = [];
        isRich = false;
      } else if (n === "r") isRich = true;
      else if (n === "rPh") inPh++;
      else if (n === "t" && !inPh) inT = true;
    },
    close: (n) => {
      if (n === "t") inT = false;
      else if (n === "rPh") inPh--;
      else if (n === "si" && cur) {
        if (isRich) rich.add(text.length);
        text.push(cur.join(""));
        cur = null;
      }
    },
    wantsText: () => inT && cur !== null,
    text: (s) => {
      if (inT && cur) cur.push(s);
    },
  })
    .write(xml)
    .close();
  return { text, rich };
}

/** Column index (0-based) of a cell reference like "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** exceljs's serial-to-date (1900 or 1904 system), shown as YYYY-MM-DD. */
function serialDate(v: number, date1904: boolean): string {
  const d = new Date(Math.round(((date1904 ? v + 1462 : v) - 25569) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10);
}

/** The path of the workbook's first worksheet, and whether it counts days from 1904. */
function firstSheet(buf: Uint8Array, byName: Map<string, ZipEntry>): { path: string; date1904: boolean } {
  let rid: string | null = null;
  let date1904 = false;
  parseXml(textOf(buf, byName.get("xl/workbook.xml")), {
    open: (t) => {
      const n = local(t.name);
      if (n === "workbookPr") date1904 = ["1", "true"].includes(String(t.attributes.date1904 ?? ""));
      else if (n === "sheet" && rid === null) rid = String(Object.entries(t.attributes).find(([k]) => local(k) === "id")?.[1] ?? "");
    },
  });
  let target: string | null = null;
  parseXml(textOf(buf, byName.get("xl/_rels/workbook.xml.rels")), {
    open: (t) => {
      if (local(t.name) === "Relationship" && t.attributes.Id === rid) target = String(t.attributes.Target ?? "");
    },
  });
  const path = target ? (String(target).startsWith("/") ? String(target).slice(1) : `xl/${String(target)}`) : "xl/worksheets/sheet1.xml";
  return { path, date1904 };
}

/** Rows of the first worksheet, streamed, in file order. Throws on a malformed part (the caller says so in Chinese). */
export async function* xlsxRows(buf: Uint8Array, entries: ZipEntry[]): AsyncGenerator<XlsxRow> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const { path, date1904 } = firstSheet(buf, byName);
  const sheet = byName.get(path);
  if (!sheet) throw new Error("no worksheet");
  const dates = dateStyles(textOf(buf, byName.get("xl/styles.xml")));
  const shared = sharedStrings(textOf(buf, byName.get("xl/sharedStrings.xml")));

  let out: XlsxRow[] = [];
  let row: string[] | null = null;
  let rowNumber = 0;
  let col = -1;
  let type = "";
  let style = 0;
  let value = "";
  let inline = "";
  let reading: "v" | "t" | null = null;
  let inIs = false;
  const scanner = new XmlScanner({
    open: (n, tag) => {
      if (n === "row") {
        const r = attrOf(tag, "r");
        rowNumber = r ? Number(r) : rowNumber + 1;
        row = [];
        col = -1;
      } else if (n === "c") {
        let ref = "";
        type = "n";
        style = 0;
        eachAttr(tag, (k, v) => {
          if (k === "r") ref = v;
          else if (k === "t") type = v;
          else if (k === "s") style = Number(v);
        });
        col = ref ? columnOf(ref) : col + 1;
        value = "";
        inline = "";
      } else if (n === "v") {
        reading = "v";
      } else if (n === "is") inIs = true;
      else if (n === "t" && inIs) reading = "t";
    },
    wantsText: () => reading !== null,
    text: (s) => {
      if (reading === "v") value += s;
      else if (reading === "t") inline += s;
    },
    close: (n) => {
      if (n === "v" || n === "t") reading = null;
      else if (n === "is") inIs = false;
      else if (n === "c" && row) {
        let text: string;
        if (type === "s") {
          const i = Number(value);
          text = shared.text[i] ?? "";
          if (!shared.rich.has(i)) text = text.slice(0, 500);
        } else if (type === "inlineStr") text = inline.slice(0, 500);
        else if (type === "str") text = value.slice(0, 500);
        else if (type === "b") text = value === "1" ? "true" : value === "" ? "" : "false";
        else if (type === "e") text = "";
        else if (type === "d") {
          const d = new Date(value);
          text = Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10);
        } else if (value === "") text = "";
        else {
          const v = Number(value);
          text = Number.isNaN(v) ? value.slice(0, 500) : dates[style] ? serialDate(v, date1904) : String(v).slice(0, 500);
        }
        while (row.length < col) row.push("");
        row[col] = text;
      } else if (n === "row" && row) {
        out.push({ number: rowNumber, values: row });
        row = null;
      }
    },
  });
  for await (const text of sheetText(rawOf(buf, sheet), sheet.method)) {
    scanner.write(text);
    if (out.length) {
      const ready = out;
      out = [];
      yield* ready;
    }
  }
  scanner.close();
  yield* out;
}

/**
 * Bytes of sheet XML decoded at a time. A decoded piece must stay below V8's large-object threshold (128 KB;
 * 16 KB of UTF-8 is at most 16 K UTF-16 units, 32 KB): a larger string is born in large-object space, i.e. in
 * the old generation, where a scavenge never frees it. With 256 KB pieces the 74 MB sheet of 100,000 rows piled
 * up there until a full GC (the import's peak RSS, issue 14 item 3). A piece's rows wait in `out` until the
 * consumer takes them: 16 KB (about 20 rows) rather than 32 KB also let fewer of them live long enough to be
 * promoted when each row is checked (promoted bytes over a 100,000-row check: 14 MB against 60 MB).
 */
export const SHEET_PIECE_BYTES = 16 * 1024;

/** The XML text of a sheet entry (stored or deflated), inflated and decoded in pieces of SHEET_PIECE_BYTES at most. */
export async function* sheetText(raw: Uint8Array, method: number): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const pieces =
    method === 0
      ? (function* () {
          for (let i = 0; i < raw.byteLength; i += SHEET_PIECE_BYTES) yield raw.subarray(i, i + SHEET_PIECE_BYTES);
        })()
      : Readable.from([raw]).pipe(createInflateRaw({ chunkSize: SHEET_PIECE_BYTES }));
  for await (const piece of pieces as AsyncIterable<Uint8Array>) yield decoder.decode(piece, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
