import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jsQR from "jsqr";

/**
 * Reading PDFs as a person would (issue 10 item 7): the text poppler extracts, the first page rendered with
 * pdftoppm (Debian poppler-utils), and the QR code on it decoded with jsqr.
 */
function tmpPdf(pdf: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "qjt-pdf-")), "doc.pdf");
  writeFileSync(file, pdf);
  return file;
}

export function pdfText(pdf: Uint8Array): string {
  return execFileSync("pdftotext", ["-layout", tmpPdf(pdf), "-"], { encoding: "utf8" });
}

/** Renders page 1 to `png` (for looking at) when given, and returns the decoded QR text (null if none). */
export function pdfQr(pdf: Uint8Array, png?: string): string | null {
  const file = tmpPdf(pdf);
  if (png) execFileSync("pdftoppm", ["-r", "100", "-png", "-singlefile", file, png.replace(/\.png$/, "")]);
  const base = file.replace(/\.pdf$/, "");
  execFileSync("pdftoppm", ["-r", "150", "-singlefile", file, base]);
  const { width, height, rgba } = readPpm(readFileSync(`${base}.ppm`));
  return jsQR(rgba, width, height)?.data ?? null;
}

/** A binary PPM (P6, 8 bits) as RGBA. */
function readPpm(buf: Buffer) {
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]!))) i++;
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0a) i++;
      continue;
    }
    let tok = "";
    while (!/\s/.test(String.fromCharCode(buf[i]!))) tok += String.fromCharCode(buf[i++]!);
    header.push(tok);
  }
  i++;
  if (header[0] !== "P6" || header[3] !== "255") throw new Error(`unexpected PPM ${header.join(" ")}`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba[p * 4] = buf[i + p * 3]!;
    rgba[p * 4 + 1] = buf[i + p * 3 + 1]!;
    rgba[p * 4 + 2] = buf[i + p * 3 + 2]!;
    rgba[p * 4 + 3] = 255;
  }
  return { width, height, rgba };
}
