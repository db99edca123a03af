import { z } from "zod";

/** 备案退回原因（R-FIL-6）: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const RETURN_REASONS = ["incomplete", "not_in_catalogue", "other"] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const returnReasonSchema = z.enum(RETURN_REASONS);
export const RETURN_REASON_LABEL = { incomplete: "资料不完整", not_in_catalogue: "不属于强检目录", other: "其他" } as const satisfies Record<ReturnReason, string>;
