import { z } from "zod";

/**
 * 消息发件箱的发送状态: the codes (pgEnum, zod, type) and their Chinese words, declared once. `pending` is
 * queued (waiting for its next attempt time); `sending` is claimed by a worker (until its lease runs out).
 */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const outboxStatusSchema = z.enum(OUTBOX_STATUSES);
export const OUTBOX_STATUS_LABEL = { pending: "待发送", sending: "发送中", sent: "已发送", failed: "发送失败" } as const satisfies Record<
  OutboxStatus,
  string
>;
