import { z } from "zod";

/** 短信发件箱的发送状态: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const outboxStatusSchema = z.enum(OUTBOX_STATUSES);
export const OUTBOX_STATUS_LABEL = { pending: "待发送", sent: "已发送", failed: "发送失败" } as const satisfies Record<OutboxStatus, string>;
