import { z } from "zod";

/** 器具附件的位置（R-LED-3、R-CAT-2）: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const ATTACHMENT_SLOTS = ["general", "type_evaluation"] as const;
export type AttachmentSlot = (typeof ATTACHMENT_SLOTS)[number];
export const attachmentSlotSchema = z.enum(ATTACHMENT_SLOTS);
export const ATTACHMENT_SLOT_LABEL = { general: "相关资料", type_evaluation: "型式评价报告" } as const satisfies Record<AttachmentSlot, string>;
