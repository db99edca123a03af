import "server-only";
import bwipjs from "bwip-js/node";
import QRCode from "qrcode";

/**
 * Machine-readable codes of a number (the appointment sheet, R-APT-7): a QR code and a Code 128 barcode, as
 * SVG for the page and PNG for the PDF. Both carry just the number, which reception types or scans (R-APT-6).
 * bwip-js draws on a transparent background by default, which scanners (zbar) cannot read: white + padding.
 */
const CODE128 = { bcid: "code128", scale: 3, height: 12, includetext: true, textxalign: "center", backgroundcolor: "FFFFFF", paddingwidth: 10, paddingheight: 6 } as const;

export const qrSvg = (text: string) => QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
export const qrPng = (text: string) => QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 8 });
export const code128Svg = (text: string) => bwipjs.toSVG({ ...CODE128, text });
export const code128Png = (text: string) => bwipjs.toBuffer({ ...CODE128, text });
