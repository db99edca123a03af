import { z } from "zod";
import { notifyEventSchema } from "@/lib/vocab/notify-event";
import { emailSchema } from "./accounts";
import { idSchema, pageSchema } from "./common";

/** Issue 13: the caller's in-app messages, newest first. */
export const messageListInput = pageSchema.extend({ unreadOnly: z.boolean().default(false) });
export const markReadInput = z.object({ ids: z.array(idSchema).min(1).max(200) });

/** Issue 13 #5: per event, whether to also send e-mail and SMS (in-app is always on). */
export const preferencesInput = z.object({
  items: z.array(z.object({ event: notifyEventSchema, email: z.boolean(), sms: z.boolean() })).min(1).max(50),
});

/** The organisation's contacts for notifications (owner). */
export const orgContactsInput = z.object({
  contactEmail: emailSchema,
  contactPhone: z.union([z.literal(""), z.string().trim().regex(/^1[3-9]\d{9}$/, "请输入 11 位手机号码")]).optional(),
});

/** The organisation's webhook (owner): an http(s) address and a shared secret of at least 16 characters. */
export const webhookInput = z.object({
  url: z.string().trim().min(1, "请输入 Webhook 地址").max(500, "Webhook 地址过长").url("Webhook 地址格式不正确"),
  secret: z.string().trim().min(16, "签名密钥至少 16 个字符").max(200, "签名密钥过长"),
  enabled: z.boolean().default(true),
});
