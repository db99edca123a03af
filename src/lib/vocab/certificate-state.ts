import { z } from "zod";

/**
 * Stored state of an issued document: `issued` until it is revoked (re-issue = revoke and issue anew, the old
 * number kept as 已撤销). What a reader sees (有效 / 即将到期 / 已过期 / 已撤销 / 不合格) is derived from this,
 * the kind and validUntil against the China day; see src/server/domain/certificates/.
 */
export const CERTIFICATE_STATES = ["issued", "revoked"] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];
export const certificateStateSchema = z.enum(CERTIFICATE_STATES);
export const CERTIFICATE_STATE_LABEL = { issued: "已出具", revoked: "已撤销" } as const satisfies Record<CertificateState, string>;
