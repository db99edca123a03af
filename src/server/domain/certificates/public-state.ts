import type { CertificateKind, CertificateState } from "@/lib/vocab";
import { daysBetween } from "@/lib/china-day";

// The states and their words are client-safe vocabulary (the 证书 lists show them too).
import type { DocumentViewState } from "@/lib/vocab";
export { DOCUMENT_VIEW_STATES, DOCUMENT_VIEW_STATE_LABEL, type DocumentViewState } from "@/lib/vocab";

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
