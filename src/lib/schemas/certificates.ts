import { z } from "zod";
import "./zod-zh";
import { certificateKindSchema, documentViewStateSchema } from "@/lib/vocab";
import { idSchema, pageSchema } from "./common";

/** Issue 10 items 7 and 8: the 证书 lists, re-issue, fees and number templates. */

const day = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });

/** 证书 list (enterprise: its own documents; institution: the documents it issued), newest first. */
export const certificateListInput = pageSchema.extend({
  kind: certificateKindSchema.optional(),
  state: documentViewStateSchema.optional(),
  /** Issue date range, inclusive (China days). */
  from: day.optional(),
  to: day.optional(),
  /** Number, instrument name, serial number or 器具编码. */
  q: z.string().trim().max(40, "搜索内容不超过 40 个字").optional(),
  instrumentId: idSchema.optional(),
  appointmentId: idSchema.optional(),
});
export type CertificateListInput = z.input<typeof certificateListInput>;

export const reissueInput = z.object({
  id: idSchema,
  reason: z.string({ error: "请填写重新出具的原因" }).trim().min(2, "请填写重新出具的原因（至少 2 个字）").max(200, "原因不超过 200 个字"),
});

/** Money in 元 with at most two decimals, as typed ("80", "80.5", "80.00"), stored in 分 (R-RES-4). */
export const MAX_FEE_YUAN = 1_000_000;
export const yuanSchema = z
  .string({ error: "请填写金额" })
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, "金额应为数字，最多两位小数（单位：元）")
  .transform((s) => {
    const [whole, frac = ""] = s.split(".");
    return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  })
  .refine((cents) => cents > 0 && cents <= MAX_FEE_YUAN * 100, `金额须大于 0 且不超过 ${MAX_FEE_YUAN} 元`);

export const setFeeInput = z.object({
  resultId: idSchema,
  /** null removes the fee (only while unpaid). */
  amount: yuanSchema.nullable(),
  note: z.string().trim().max(100, "说明不超过 100 个字").optional(),
});

export const markFeePaidInput = z.object({ resultId: idSchema });

const template = z.string().trim().max(60, "模板不超过 60 个字符");
export const saveTemplatesInput = z.object({ certificate: template, failNotice: template });
export const previewTemplateInput = z.object({ kind: certificateKindSchema, template });

/** The `/v/{token}` token: 18 random bytes, base64url (24 characters). Anything else is not a token. */
export const CERTIFICATE_TOKEN = /^[A-Za-z0-9_-]{24}$/;
