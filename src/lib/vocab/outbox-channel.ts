import { z } from "zod";

/** 消息发件箱的渠道: the codes (outbox.channel, zod, type) and their Chinese words, declared once. */
export const OUTBOX_CHANNELS = ["inapp", "sms", "email", "webhook"] as const;
export type OutboxChannelCode = (typeof OUTBOX_CHANNELS)[number];
export const outboxChannelSchema = z.enum(OUTBOX_CHANNELS);
export const OUTBOX_CHANNEL_LABEL = { inapp: "站内消息", sms: "短信", email: "邮件", webhook: "Webhook" } as const satisfies Record<OutboxChannelCode, string>;
