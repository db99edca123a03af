import "server-only";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { CertificateKind, CertificateState } from "@/lib/vocab";
import type { CertificateSnapshot } from "@/server/db/schema";
import { registerCjkFont } from "./font";

/** What a certificate or fail notice PDF shows: the document row with its frozen snapshot (R-RES-3). */
export type DocumentPdfInput = {
  kind: CertificateKind;
  number: string;
  state: CertificateState;
  issuedOn: string;
  verifiedOn: string;
  validUntil: string | null;
  snapshot: CertificateSnapshot;
};

export type DocumentPdfOptions = {
  /** The absolute `/v/{token}` address the QR code opens (R-PUB-1). */
  verifyUrl: string;
  /** The bench's baseline draws the same page with pdfkit's built-in Helvetica and no QR code. */
  baseline?: boolean;
};

export const DOCUMENT_TITLE: Record<CertificateKind, string> = { certificate: "检定证书", fail_notice: "检定结果通知书" };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const INK = "#111111";
const MUTED = "#555555";
const RULE = "#888888";

/** 2026-12-01 → 2026年12月01日, the way certificates write dates. */
export function chineseDate(day: string | null): string {
  if (!day) return "—";
  return `${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日`;
}

/**
 * The A4 PDF of a certificate (检定证书) or fail notice (检定结果通知书), drawn from its frozen snapshot with
 * the subset CJK font and a vector QR code of `verifyUrl` (R-RES-3). A revoked document carries a red
 * 已撤销 mark so a printed copy cannot pass for a live one.
 */
export async function renderDocumentPdf(d: DocumentPdfInput, opts: DocumentPdfOptions): Promise<Buffer> {
  const s = d.snapshot;
  const title = DOCUMENT_TITLE[d.kind];
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: `${title} ${d.number}`, Author: s.institution.name, Subject: `${s.instrument.name} ${s.instrument.serialNo}`, Creator: "强检通", Producer: "强检通" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  if (opts.baseline) doc.font("Helvetica");
  else registerCjkFont(doc);
  const left = MARGIN;
  const width = A4.width - 2 * MARGIN;

  // Head: issuer, title, number.
  doc.fillColor(MUTED).fontSize(12).text(s.institution.name, left, MARGIN, { width, align: "center" });
  doc.moveDown(0.4).fillColor(INK).fontSize(26).text(title.split("").join(" "), { width, align: "center" });
  doc.moveDown(0.3).fontSize(11).text(`${d.kind === "certificate" ? "证书编号" : "通知书编号"}：${d.number}`, { width, align: "right" });
  if (d.state === "revoked") doc.fillColor("#c00000").text("本文书已撤销，仅供存档，不作为有效证明", { width, align: "right" }).fillColor(INK);

  // Body: one bordered table of label / value rows.
  const verdict = d.kind === "certificate" ? "合格" : "不合格";
  const rows: [string, string][] = [
    ["送检单位（使用单位）", s.userUnit.name],
    ["单位地址", s.userUnit.address ?? "—"],
    ["计量器具名称", s.instrument.name],
    ["种别", s.instrument.kindName],
    ["型号规格", s.instrument.model],
    ["出厂编号", s.instrument.serialNo],
    ["制造单位", s.instrument.manufacturer],
    ["器具编码", s.instrument.instrumentCode ?? "—"],
    ["测量范围", s.instrument.measuringRange ?? "—"],
    ["准确度等级", s.instrument.accuracyClass ?? "—"],
    ["检定结论", s.conclusion ? `${verdict}（${s.conclusion}）` : verdict],
    ["检定日期", chineseDate(d.verifiedOn)],
    ...(d.kind === "certificate" ? ([["有效期至", d.validUntil ? chineseDate(d.validUntil) : "—（该种别只作首次强制检定，无周期）"]] as [string, string][]) : []),
  ];
  const labelWidth = 130;
  const pad = 6;
  const valueWidth = width - labelWidth - 2 * pad;
  doc.fontSize(11).lineWidth(0.6).strokeColor(RULE);
  const heights = rows.map(([label, value]) => Math.max(doc.heightOfString(value, { width: valueWidth }), doc.heightOfString(label, { width: labelWidth - 2 * pad })) + 2 * pad);
  const tableTop = doc.y + 10;
  let y = tableTop;
  doc.moveTo(left, y).lineTo(left + width, y).stroke();
  rows.forEach(([label, value], i) => {
    doc.fillColor(MUTED).text(label, left + pad, y + pad, { width: labelWidth - 2 * pad });
    doc.fillColor(INK).text(value, left + labelWidth + pad, y + pad, { width: valueWidth });
    y += heights[i]!;
    doc.moveTo(left, y).lineTo(left + width, y).stroke();
  });
  for (const x of [left, left + labelWidth, left + width]) doc.moveTo(x, tableTop).lineTo(x, y).stroke();

  // People.
  y += 14;
  const third = width / 3;
  doc.fillColor(INK).fontSize(11);
  [`检定员：${s.verifier}`, `核验员：${s.checker}`, `批准人：${s.approver}`].forEach((t, i) => doc.text(t, left + i * third, y, { width: third - 8 }));
  y = doc.y + 12;
  if (d.kind === "fail_notice") {
    doc.fillColor(INK).fontSize(11).text("经检定，该计量器具不符合检定规程要求，不得继续使用。请修理或调整后重新申请检定。", left, y, { width });
    y = doc.y + 12;
  }

  // Foot: the QR code (left) and the issuing institution (right).
  const qrSize = 118;
  const footTop = Math.max(y + 8, A4.height - MARGIN - qrSize - 34);
  if (!opts.baseline) drawQr(doc, opts.verifyUrl, left, footTop, qrSize);
  doc.fillColor(MUTED).fontSize(8).text("扫码核验证书状态", left, footTop + qrSize + 4, { width: qrSize, align: "center" });
  const infoLeft = left + qrSize + 24;
  const infoWidth = width - qrSize - 24;
  const info: string[] = [
    `检定机构：${s.institution.name}`,
    `授权证书号：${s.institution.authorisationCertNo ?? "—"}`,
    `地址：${s.institution.address ?? "—"}`,
    `电话：${s.institution.contactPhone ?? "—"}`,
    `签发日期：${chineseDate(d.issuedOn)}`,
  ];
  doc.fillColor(INK).fontSize(10).text(info.join("\n"), infoLeft, footTop + 4, { width: infoWidth, lineGap: 3 });
  doc.fillColor(MUTED).fontSize(7).text(opts.verifyUrl, infoLeft, doc.y + 6, { width: infoWidth });

  if (d.state === "revoked") {
    doc.save().rotate(-30, { origin: [A4.width / 2, A4.height / 2] });
    doc.fillColor("#c00000").fillOpacity(0.35).fontSize(72).text("已撤销", 0, A4.height / 2 - 40, { width: A4.width, align: "center" });
    doc.restore();
  }
  doc.end();
  return done;
}

/** The QR code as filled squares (vector: sharp at any zoom, smaller than an image), with a 2-module quiet zone. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 2;
  const m = size / (n + 2 * quiet);
  doc.save().rect(x, y, size, size).fill("#ffffff");
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * m, y + (r + quiet) * m, m, m);
    }
  }
  doc.fill("#000000").restore();
}
