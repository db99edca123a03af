import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jsQR from "jsqr";

type Image = { width: number; height: number; rgba: Uint8ClampedArray };

/** Renders each page of a PDF with poppler's pdftoppm (PPM) at `dpi`. */
export function renderPdf(pdf: Uint8Array, dpi = 200): Image[] {
  const dir = mkdtempSync(path.join(tmpdir(), "qjt-qr-"));
  try {
    writeFileSync(path.join(dir, "in.pdf"), pdf);
    execFileSync("pdftoppm", ["-r", String(dpi), path.join(dir, "in.pdf"), path.join(dir, "p")]);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".ppm"))
      .sort()
      .map((f) => parsePpm(readFileSync(path.join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePpm(buf: Buffer): Image {
  // "P6\n<w> <h>\n255\n" then RGB bytes.
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]!))) i++;
    let tok = "";
    while (!/\s/.test(String.fromCharCode(buf[i]!))) tok += String.fromCharCode(buf[i++]!);
    header.push(tok);
  }
  i++;
  const [, w, h] = header.map(Number) as [number, number, number];
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let p = 0; p < w * h; p++) {
    rgba[p * 4] = buf[i + p * 3]!;
    rgba[p * 4 + 1] = buf[i + p * 3 + 1]!;
    rgba[p * 4 + 2] = buf[i + p * 3 + 2]!;
    rgba[p * 4 + 3] = 255;
  }
  return { width: w, height: h, rgba };
}

/** Decodes the one QR code inside a rectangle of an image (fractions of the page), or null. */
export function decodeQr(img: Image, box?: { x: number; y: number; width: number; height: number }): string | null {
  const x0 = Math.max(0, Math.floor((box?.x ?? 0) * img.width));
  const y0 = Math.max(0, Math.floor((box?.y ?? 0) * img.height));
  const w = Math.min(img.width - x0, Math.ceil((box?.width ?? 1) * img.width));
  const h = Math.min(img.height - y0, Math.ceil((box?.height ?? 1) * img.height));
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) out.set(img.rgba.subarray(((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4), y * w * 4);
  return jsQR(out, w, h)?.data ?? null;
}
