import type { LabelFormat } from "@/lib/schemas/labels";

/**
 * Where each label goes on a sheet (R-PUB-3), in PDF points (1 mm = 72 / 25.4 pt). Pure.
 * - "a4": an A4 page of 3 × 8 labels (70 × 36 mm each, a common self-adhesive sheet; 4.5 mm top and bottom).
 * - "thermal": one 50 × 30 mm label per page, for label printers.
 */
export const MM = 72 / 25.4;

export type LabelBox = { page: number; x: number; y: number; width: number; height: number };
export type SheetGeometry = { pageWidth: number; pageHeight: number; perPage: number; boxes: LabelBox[] };

const A4 = { w: 210 * MM, h: 297 * MM, cols: 3, rows: 8 };

export function labelGeometry(format: LabelFormat, count: number): SheetGeometry {
  if (format === "thermal") {
    const w = 50 * MM;
    const h = 30 * MM;
    return { pageWidth: w, pageHeight: h, perPage: 1, boxes: Array.from({ length: count }, (_, i) => ({ page: i, x: 0, y: 0, width: w, height: h })) };
  }
  const width = A4.w / A4.cols;
  const height = (A4.h - 2 * 4.5 * MM) / A4.rows; // 4.5 mm top and bottom margins: 8 × 36 mm
  const perPage = A4.cols * A4.rows;
  const boxes = Array.from({ length: count }, (_, i) => {
    const k = i % perPage;
    return { page: Math.floor(i / perPage), x: (k % A4.cols) * width, y: 4.5 * MM + Math.floor(k / A4.cols) * height, width, height };
  });
  return { pageWidth: A4.w, pageHeight: A4.h, perPage, boxes };
}
