import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type PDFDocument from "pdfkit";

// Minimal CJK font helper for the label sheets (issue 11). The desk helper's src/server/pdf/font.ts
// (registerCjkFont) does the same; the lead unifies them at merge.
let font: Buffer | null = null;

/** Registers Noto Sans SC (from @embedpdf/fonts-sc, subset by pdfkit on embedding) as "cjk" and selects it. */
export function applyLabelFont(doc: PDFKit.PDFDocument | InstanceType<typeof PDFDocument>) {
  font ??= readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf"));
  doc.registerFont("cjk", font);
  doc.font("cjk");
}
