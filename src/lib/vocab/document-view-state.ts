import { z } from "zod";

/**
 * What a reader of a certificate or fail notice is told (the `/v/` page, the 证书 lists, R-PUB-1), in order
 * of precedence; computed on the China day by src/server/domain/certificates/public-state.ts.
 */
export const DOCUMENT_VIEW_STATES = ["revoked", "failed", "expired", "expiring", "valid"] as const;
export type DocumentViewState = (typeof DOCUMENT_VIEW_STATES)[number];
export const documentViewStateSchema = z.enum(DOCUMENT_VIEW_STATES);
export const DOCUMENT_VIEW_STATE_LABEL = {
  revoked: "已撤销",
  failed: "不合格",
  expired: "已过期",
  expiring: "即将到期",
  valid: "有效",
} as const satisfies Record<DocumentViewState, string>;
