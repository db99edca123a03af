import "server-only";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { and, inArray } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { instruments } from "@/server/db/schema";
import { locatedRecordScope, type Scope } from "@/server/authz/scope";
import type { LabelFormat } from "@/lib/schemas/labels";
import { labelGeometry, MM } from "@/server/domain/public/label-layout";
import { AppError } from "@/server/errors";
import { registerCjkFont } from "@/server/pdf/font";

export const MAX_LABELS = 240;

export type LabelRow = { id: number; name: string; serialNo: string; instrumentCode: string | null; validUntil: string | null; labelToken: string };

/**
 * The filed instruments (with a label token) among `ids` that the caller's scope sees, in the order asked
 * (R-PUB-3). One id outside the scope or not filed: the whole request is NOT_FOUND / refused.
 */
export async function labelRows(db: DB, scope: Scope, ids: number[]): Promise<LabelRow[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) throw new AppError("LABELS_NONE");
  if (unique.length > MAX_LABELS) throw new AppError("LABELS_TOO_MANY");
  const rows = await db
    .select({ id: instruments.id, name: instruments.name, serialNo: instruments.serialNo, instrumentCode: instruments.instrumentCode, validUntil: instruments.validUntil, labelToken: instruments.labelToken })
    .from(instruments)
    .where(and(inArray(instruments.id, unique), locatedRecordScope(scope, instruments)));
  if (rows.length !== unique.length) throw new AppError("NOT_FOUND");
  if (rows.some((r) => !r.labelToken)) throw new AppError("LABELS_NONE");
  const byId = new Map(rows.map((r) => [r.id, r as LabelRow]));
  return unique.map((id) => byId.get(id)!);
}

/** The label sheet as a PDF: each label has the QR of `/i/{token}`, 器具编码, name, serial and validity (R-PUB-3). */
export async function labelSheetPdf(rows: LabelRow[], format: LabelFormat, baseUrl: string): Promise<Buffer> {
  const g = labelGeometry(format, rows.length);
  const doc = new PDFDocument({ size: [g.pageWidth, g.pageHeight], margin: 0, autoFirstPage: false, info: { Title: "强检通器具标签", Creator: "强检通" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  registerCjkFont(doc);
  let page = -1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const b = g.boxes[i]!;
    if (b.page !== page) {
      doc.addPage({ size: [g.pageWidth, g.pageHeight], margin: 0 });
      page = b.page;
    }
    await drawLabel(doc, r, b, format, `${baseUrl.replace(/\/$/, "")}/i/${r.labelToken}`);
  }
  doc.end();
  return done;
}

async function drawLabel(doc: PDFKit.PDFDocument, r: LabelRow, b: { x: number; y: number; width: number; height: number }, format: LabelFormat, url: string) {
  const pad = (format === "thermal" ? 1.5 : 2.5) * MM;
  const qrSize = Math.min(b.height - 2 * pad, b.width * 0.42);
  const png = await QRCode.toBuffer(url, { errorCorrectionLevel: "M", margin: 1, width: 240 });
  doc.image(png, b.x + pad, b.y + pad, { width: qrSize, height: qrSize });
  const tx = b.x + pad + qrSize + 1.5 * MM;
  const tw = b.x + b.width - pad - tx;
  const small = format === "thermal" ? 5.5 : 7;
  let y = b.y + pad;
  const line = (text: string, size: number) => {
    doc.fontSize(size).text(text, tx, y, { width: tw, lineBreak: false, ellipsis: true, height: size * 1.3 });
    y += size * 1.35;
  };
  line("强检通 · 扫码核验", small);
  line(r.name, format === "thermal" ? 7 : 9);
  line("器具编码", small);
  line(r.instrumentCode ?? "", small);
  line(`出厂编号 ${r.serialNo}`, small);
  line(`有效期至 ${r.validUntil ?? "见检定证书"}`, small);
}
