import type { CertificateState } from "@/lib/vocab";
import { formatYuan } from "@/lib/money";
import { AppError } from "@/server/errors";

/** A result's fee (R-RES-4): none recorded, recorded and not yet paid, or paid. */
export type FeeState = "none" | "unpaid" | "paid";

export function feeState(r: { feeCents: number | null; feePaidAt: Date | string | null }): FeeState {
  if (!r.feeCents) return "none";
  return r.feePaidAt ? "paid" : "unpaid";
}

/** Who downloads: the enterprise the document is for, or the institution that issued it. */
export type DocumentReader = "enterprise" | "institution";

/**
 * Why a reader may not download a document now, or null (R-RES-4): the enterprise waits until the
 * institution has marked the fee paid; the institution always may (it hands the paper over when paid).
 */
export function downloadBlock(reader: DocumentReader, fee: { feeCents: number | null; feePaidAt: Date | string | null; feeNote?: string | null }): string | null {
  if (reader !== "enterprise" || feeState(fee) !== "unpaid") return null;
  const what = fee.feeNote ? `（${fee.feeNote}）` : "";
  return `待缴费：需缴纳费用 ${formatYuan(fee.feeCents!)} 元${what}，检定机构确认缴费后方可下载证书`;
}

/** Refuses a download that `downloadBlock` forbids, naming the document. */
export function assertDownloadable(reader: DocumentReader, number: string, fee: Parameters<typeof downloadBlock>[1]): void {
  const block = downloadBlock(reader, fee);
  if (block) throw new AppError("CERT_FEE_UNPAID", `${number}：${block}`);
}

/** Re-issue = revoke and issue anew: only a live document can be revoked (R-RES-2). */
export function assertRevocable(state: CertificateState): void {
  if (state !== "issued") throw new AppError("CERT_ALREADY_REVOKED");
}

/** A fee can be recorded or changed only until it is paid; marking paid needs an unpaid fee (R-RES-4). */
export function assertFeeEditable(fee: FeeState): void {
  if (fee === "paid") throw new AppError("FEE_ALREADY_PAID");
}
export function assertFeePayable(fee: FeeState): void {
  if (fee === "paid") throw new AppError("FEE_ALREADY_PAID");
  if (fee === "none") throw new AppError("FEE_NOT_DUE");
}
