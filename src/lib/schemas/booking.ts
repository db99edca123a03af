import { z } from "zod";
import "./zod-zh";
import { APPOINTMENT_STATES } from "@/lib/vocab";
import { daySchema, timeSchema, yearSchema } from "./appointments";
import { idSchema, pageSchema } from "./common";
import { LEDGER_BUCKETS } from "./ledger";

/**
 * Issue 10 item 2–3, enterprise side (预约送检 / 现场检定). Declared once for the booking form and the
 * `booking` procedures.
 */
export const MAX_BOOKING_INSTRUMENTS = 500;

const instrumentIds = z
  .array(idSchema)
  .min(1, "请先选择器具")
  .max(MAX_BOOKING_INSTRUMENTS, `一张预约单最多 ${MAX_BOOKING_INSTRUMENTS} 台器具`)
  .refine((ids) => new Set(ids).size === ids.length, "同一台器具只能选择一次");

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .nullish()
    .transform((v) => (v ? v : null));

/** Mainland mobile or landline (digits, dashes). */
export const contactPhoneSchema = z
  .string({ error: "请填写联系电话" })
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, "联系电话应为 11 位手机号或带区号的固定电话");

/** One appointment as the enterprise fills it in: its instruments, day and slot, contact. */
export const appointmentFields = z.object({
  instrumentIds,
  day: daySchema,
  /** The slot by its start time "HH:MM", as `appointment.openSlots` lists it. */
  slotStart: timeSchema,
  contactName: z.string({ error: "请填写联系人" }).trim().min(1, "请填写联系人").max(20, "联系人不超过 20 个字"),
  contactPhone: contactPhoneSchema,
  /** 现场检定: where the institution's team comes to (required for on-site, checked by the service). */
  siteAddress: optionalText(100, "现场地址"),
  remark: optionalText(200, "备注"),
});
export type AppointmentFields = z.output<typeof appointmentFields>;

/** 保存为待提交 (submit: false) or submit at once (true), one or more appointments in one go. */
export const createAppointmentsInput = z.object({
  appointments: z.array(appointmentFields).min(1, "请先选择器具").max(50, "一次最多生成 50 张预约单"),
  submit: z.boolean().default(false),
});
export const updateDraftInput = appointmentFields.extend({ id: idSchema });
export const appointmentIdInput = z.object({ id: idSchema });

export const splitInput = z.object({ instrumentIds });

export const bookingListInput = pageSchema.extend({
  state: z.enum(APPOINTMENT_STATES).optional(),
});

/** Bookable instruments (R-APT-1) with the ledger's kind of filters. */
export const bookingCandidatesInput = pageSchema.extend({
  q: z.string().trim().max(50, "搜索词不超过 50 个字").optional(),
  kindId: idSchema.optional(),
  departmentId: idSchema.optional(),
  bucket: z.enum(LEDGER_BUCKETS).optional(),
  method: z.enum(["send_in", "on_site"]).optional(),
});

export const cancelItemsInput = z.object({
  appointmentId: idSchema,
  itemIds: z.array(idSchema).min(1, "请选择要取消的器具").max(MAX_BOOKING_INSTRUMENTS),
  reason: optionalText(100, "取消原因"),
});

/** 预约全部须检器具: preview (nothing written) or prepare the drafts. */
export const prepareDueInput = z.object({ preview: z.boolean().default(false) });

/** 年度检定计划 (issue 10 item 9): the year asked for. */
export const annualPlanInput = z.object({ year: yearSchema });
