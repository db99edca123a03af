import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The one CJK font of every PDF the platform writes (appointment sheets, certificates, fail notices): Noto Sans
 * SC (OFL-1.1) from the npm package @embedpdf/fonts-sc, read from node_modules at run time — never downloaded,
 * never a system font. pdfkit embeds only the glyphs a document uses (subset), so a page stays small.
 * The package's `exports` map blocks require.resolve, hence the path from the working directory (`next start`,
 * tests and scripts all run from the project root).
 */
export const CJK_FONT_PATH = path.join(process.cwd(), "node_modules", "@embedpdf", "fonts-sc", "fonts", "NotoSansHans-Regular.otf");
export const CJK_FONT = "cjk";

let bytes: Buffer | null = null;
const fontBytes = () => (bytes ??= readFileSync(CJK_FONT_PATH));

/** Registers the CJK font on a pdfkit document as "cjk" and makes it the current font. */
export function registerCjkFont(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  doc.registerFont(CJK_FONT, fontBytes());
  return doc.font(CJK_FONT);
}
