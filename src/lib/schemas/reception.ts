import { z } from "zod";
import "./zod-zh";
import { verdictSchema } from "@/lib/vocab";
import { daySchema } from "./appointments";
import { idSchema, pageSchema } from "./common";

/**
 * Issue 10 items 5 and 6 (接收登记, 检定结果登记): one set of rules for the forms and the procedures.
 * An appointment number is S/X + YYYYMMDD + 6 digits (R-APT-3).
 */
export const APPOINTMENT_NUMBER_PATTERN = /[SX]\d{14}/;

/**
 * The number inside what was typed or scanned: a QR code or barcode may carry the bare number or a link that
 * contains it; lower case and spaces from typing are forgiven. Null when there is none.
 */
export function extractAppointmentNumber(text: string): string | null {
  const m = text.toUpperCase().replace(/\s+/g, "").match(APPOINTMENT_NUMBER_PATTERN);
  return m ? m[0] : null;
}

export const appointmentNumberSchema = z
  .string({ error: "请输入预约单号" })
  .trim()
  .min(1, "请输入预约单号")
  .max(200, "预约单号格式不正确")
  .transform((s, ctx) => {
    const n = extractAppointmentNumber(s);
    if (!n) ctx.addIssue({ code: "custom", message: "预约单号格式不正确（S 或 X 开头，后接 14 位数字）" });
    return n ?? "";
  });

export const receptionFindInput = z.object({ number: appointmentNumberSchema });

/** The states the front desk works on: 已确认, 已改期 (waiting for the instruments) and 已接收 (results pending). */
export const RECEPTION_QUEUE_STATES = ["confirmed", "rescheduled", "received"] as const;
export const receptionQueueInput = pageSchema.extend({ state: z.enum(RECEPTION_QUEUE_STATES).optional() });

const itemIdsSchema = z.array(idSchema).min(1, "请至少选择一台器具").max(2000, "一次最多处理 2000 台器具");

export const receiveItemsInput = z.object({ appointmentId: idSchema, itemIds: itemIdsSchema });

export const RETURN_REASON_MAX = 200;
export const returnItemsInput = z.object({
  appointmentId: idSchema,
  itemIds: itemIdsSchema,
  reason: z.string({ error: "请填写退单原因" }).trim().min(1, "请填写退单原因").max(RETURN_REASON_MAX, `退单原因不超过 ${RETURN_REASON_MAX} 个字`),
});

const personSchema = (what: string) => z.string({ error: `请填写${what}` }).trim().min(1, `请填写${what}`).max(20, `${what}不超过 20 个字`);

export const MAX_FEE_CENTS = 100_000_000;
/** "80" or "80.5" or "80.00" 元 → 8000 分; null for an empty field; NaN when it is not an amount. */
export function parseFeeYuan(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(t)) return Number.NaN;
  const [yuan, fen = ""] = t.split(".");
  return Number(yuan) * 100 + Number(fen.padEnd(2, "0"));
}

/** validUntil before the verification day is refused by the domain rule (RES_VALID_BEFORE_VERIFIED), not here. */
export const resultRowInput = z.object({
    itemId: idSchema,
    verdict: verdictSchema,
    verifiedOn: daySchema,
    /** Undefined: the kind's default (R-RES-1); null: none; a day: as the institution edited it. */
    validUntil: daySchema.nullish(),
    verifier: personSchema("检定员"),
    checker: personSchema("核验员"),
    approver: personSchema("批准人"),
    conclusion: z.string().trim().max(200, "检定结论不超过 200 个字").optional(),
    feeCents: z.number({ error: "费用金额无效" }).int("费用金额无效").min(0, "费用不能为负数").max(MAX_FEE_CENTS, "费用金额过大").nullish(),
    feeNote: z.string().trim().max(100, "费用说明不超过 100 个字").optional(),
  });
export type ResultRowInput = z.infer<typeof resultRowInput>;

export const MAX_BATCH_RESULTS = 1000;
export const recordResultsInput = z.object({
  appointmentId: idSchema,
  rows: z.array(resultRowInput).min(1, "请至少录入一台器具的结果").max(MAX_BATCH_RESULTS, `一次最多录入 ${MAX_BATCH_RESULTS} 台`),
});

export const resultSheetInput = z.object({ appointmentId: idSchema });

export const RESULT_TABS = ["awaiting", "recorded"] as const;
export const RESULT_TAB_LABEL = { awaiting: "待录入结果", recorded: "已录入结果" } as const;
export const resultListInput = pageSchema.extend({
  tab: z.enum(RESULT_TABS).default("awaiting"),
  from: daySchema.optional(),
  to: daySchema.optional(),
  verdict: verdictSchema.optional(),
  number: z.string().trim().max(20).optional(),
});
