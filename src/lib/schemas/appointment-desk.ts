import { z } from "zod";
import "./zod-zh";
import { appointmentStateSchema, methodSchema } from "@/lib/vocab";
import { daySchema } from "./appointments";
import { idSchema, pageSchema } from "./common";

/**
 * 预约确认 (issue 10 item 3, institution side) and the appointment detail both sides read. Declared once for
 * the forms and the procedures.
 */

/** The institution's list: never drafts; filters by method (S/X), date range, state and number. */
export const deskListInput = pageSchema
  .extend({
    method: methodSchema.optional(),
    state: appointmentStateSchema.exclude(["draft"]).optional(),
    fromDay: daySchema.optional(),
    toDay: daySchema.optional(),
    /** Part of an appointment number (S/X + date + sequence). */
    q: z.string().trim().max(20, "预约单号不超过 20 个字符").optional(),
  })
  .refine((v) => !v.fromDay || !v.toDay || v.fromDay <= v.toDay, { message: "开始日期不能晚于结束日期", path: ["toDay"] });

export const appointmentIdInput = z.object({ id: idSchema });

const reasonSchema = (what: string) => z.string({ error: `请填写${what}` }).trim().min(2, `请填写${what}（至少 2 个字）`).max(200, `${what}不超过 200 个字`);

/** 修改预约时间: a new day and slot of the institution, and why (the enterprise sees it). */
export const rescheduleInput = z.object({
  id: idSchema,
  day: daySchema,
  slotId: idSchema,
  reason: reasonSchema("改期原因"),
  /** The institution knowingly books its own slot above capacity (refused without it). */
  allowOverCapacity: z.boolean().default(false),
});

/** 拒绝: a reason, and optionally 取消备案状态 (the instruments' filings go back to 被退回, R-APT-4). */
export const rejectInput = z.object({
  id: idSchema,
  reason: reasonSchema("拒绝原因"),
  cancelFilings: z.boolean().default(false),
});
