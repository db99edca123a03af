import "server-only";
import PDFDocument from "pdfkit";
import { SHEET_COLUMNS, SHEET_NOTE, SHEET_TITLE, sheetFields, sheetRows, type SheetSource } from "@/lib/appointment-sheet";
import { AppError } from "@/server/errors";
import { code128Png, qrPng } from "./codes";
import { registerCjkFont } from "./font";

const A4 = { width: 595.28, height: 841.89 };
const M = 40;
const WIDTH = A4.width - 2 * M;
/** Column widths of the instrument table (sum = WIDTH). */
const COLS = [26, 90, 70, 75, 100, 108, 46.28];

/**
 * 预约单 as a PDF (R-APT-7), the same content as the print page: header fields, the number as a QR code and a
 * Code 128 barcode, and the instruments (continued on further pages for large on-site appointments).
 */
export async function appointmentSheetPdf(s: SheetSource, printedAt = new Date()): Promise<Buffer> {
  if (!s.number) throw new AppError("APT_NO_NUMBER");
  const [qr, bar] = await Promise.all([qrPng(s.number), code128Png(s.number)]);
  const doc = new PDFDocument({ size: "A4", margin: M, info: { Title: `${SHEET_TITLE} ${s.number}`, Author: "强检通" } });
  registerCjkFont(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.fontSize(18).text(SHEET_TITLE, M, M, { width: WIDTH - 110, align: "left" });
  doc.image(qr, A4.width - M - 100, M, { width: 100 });
  doc.image(bar, M, M + 32, { height: 46 });
  let y = M + 112;
  doc.fontSize(10);
  for (const [label, value] of sheetFields(s)) {
    doc.fillColor("#555").text(label, M, y, { width: 70 });
    doc.fillColor("#000").text(value, M + 72, y, { width: WIDTH - 72 });
    y = Math.max(doc.y, y + 14) + 4;
  }
  y += 8;
  doc.fontSize(12).text(`检定器具（${s.items.length} 台件）`, M, y);
  y = doc.y + 6;
  const row = (cells: readonly string[], header: boolean) => {
    doc.fontSize(header ? 9 : 8.5).fillColor(header ? "#333" : "#000");
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: COLS[i]! - 6 }));
    const h = Math.max(...heights) + 8;
    if (y + h > A4.height - M - 30) {
      doc.addPage();
      y = M;
      if (!header) row(SHEET_COLUMNS, true);
    }
    let x = M;
    if (header) doc.rect(M, y, WIDTH, h).fill("#eeeeee").fillColor("#333");
    cells.forEach((c, i) => {
      doc.text(c, x + 3, y + 4, { width: COLS[i]! - 6 });
      x += COLS[i]!;
    });
    doc.moveTo(M, y + h).lineTo(M + WIDTH, y + h).lineWidth(0.5).strokeColor("#999").stroke();
    y += h;
  };
  row(SHEET_COLUMNS, true);
  for (const r of sheetRows(s)) row(r, false);
  y += 14;
  if (y > A4.height - M - 40) {
    doc.addPage();
    y = M;
  }
  doc.fontSize(9).fillColor("#333").text(SHEET_NOTE, M, y, { width: WIDTH });
  doc.text(`打印时间：${printedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}`, M, doc.y + 4, { width: WIDTH });
  doc.end();
  return done;
}
