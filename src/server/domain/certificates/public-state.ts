import type { CertificateKind, CertificateState } from "@/lib/vocab";
import { daysBetween } from "@/lib/china-day";

/** What a reader of a certificate (the `/v/` page, lists) is told, in order of precedence. */
export const DOCUMENT_VIEW_STATES = ["revoked", "failed", "expired", "expiring", "valid"] as const;
export type DocumentViewState = (typeof DOCUMENT_VIEW_STATES)[number];
export const DOCUMENT_VIEW_STATE_LABEL = {
  revoked: "已撤销",
  failed: "不合格",
  expired: "已过期",
  expiring: "即将到期",
  valid: "有效",
} as const satisfies Record<DocumentViewState, string>;

/**
 * A document's state on China day `today` (R-PUB-1, R-TIME-1): revoked wins; a fail notice reads 不合格;
 * a certificate is valid through its validUntil (inclusive), 即将到期 in its last 30 days (R-LED-4), and
 * valid without end when the kind has no period.
 */
export function documentViewState(d: { kind: CertificateKind; state: CertificateState; validUntil: string | null }, today: string): DocumentViewState {
  if (d.state === "revoked") return "revoked";
  if (d.kind === "fail_notice") return "failed";
  if (d.validUntil == null) return "valid";
  const left = daysBetween(today, d.validUntil);
  if (left < 0) return "expired";
  if (left <= 30) return "expiring";
  return "valid";
}
