import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The CJK font of every server-made PDF: Noto Sans SC (思源黑体) Regular from npm `@embedpdf/fonts-sc`
 * (OFL-1.1), read from node_modules at run time — no download, no system font. Its `exports` map blocks
 * require.resolve, so the path is built from the working directory (the project root under `npm start`,
 * `next start`, vitest and the bench scripts). pdfkit embeds only the glyphs a document uses (a subset).
 */
export const CJK_FONT_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@embedpdf", "fonts-sc", "fonts", "NotoSansHans-Regular.otf");

let bytes: Buffer | null = null;

/** The font file's bytes, read once per process (8 MB; pdfkit parses and subsets it per document). */
export function cjkFontBytes(): Buffer {
  bytes ??= readFileSync(CJK_FONT_FILE);
  return bytes;
}

/** Registers the font as "cjk" on a pdfkit document and selects it. */
export function selectCjkFont(doc: PDFKit.PDFDocument): void {
  doc.registerFont("cjk", cjkFontBytes());
  doc.font("cjk");
}
