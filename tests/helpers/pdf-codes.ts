import { execFileSync } from "node:child_process";
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from "@zxing/library";

/**
 * Renders a PDF page with poppler's pdftoppm (grey, PGM) and decodes the QR codes and Code 128 barcodes on it
 * with @zxing/library — what a scanner at the front desk would read off the printed page (R-APT-7).
 */
export type Gray = { width: number; height: number; pixels: Uint8ClampedArray };

export function renderPage(pdf: Buffer, page = 1, dpi = 150): Gray {
  const out = execFileSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), "-"], { input: pdf, maxBuffer: 64 << 20 });
  // PGM (P5): "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = out.subarray(0, 64).toString("latin1");
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error("pdftoppm did not answer a PGM image");
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, pixels: new Uint8ClampedArray(out.subarray(m[0].length, m[0].length + width * height)) };
}

/** Decodes one code of `format` inside the given box (in pixels), or null. */
export function decodeIn(img: Gray, format: "qr" | "code128", box?: { left: number; top: number; width: number; height: number }): string | null {
  const b = box ?? { left: 0, top: 0, width: img.width, height: img.height };
  const source = new RGBLuminanceSource(img.pixels, b.width, b.height, img.width, img.height, b.left, b.top);
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format === "qr" ? BarcodeFormat.QR_CODE : BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  try {
    return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
  } catch {
    return null;
  }
}

export const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8");
