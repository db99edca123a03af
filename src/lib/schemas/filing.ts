import { z } from "zod";
import "./zod-zh";
import { FILING_STATES, METHODS, RETURN_REASONS } from "@/lib/vocab";
import { idSchema, pageSchema, regionCodeSchema } from "./common";
import { instrumentFields } from "./ledger";

const ids = (max: number) =>
  z.array(idSchema).min(1, "请至少选择一条记录").max(max, `一次最多处理 ${max} 条`).transform((a) => [...new Set(a)]);

export const methodSchema = z.enum(METHODS, { error: "请选择检定方式" });

/** 检定能力 row (SPEC §7). */
export const capabilityInput = z.object({
  id: idSchema.optional(),
  kindId: idSchema,
  method: methodSchema,
  regionCodes: z.array(regionCodeSchema).max(50, "覆盖区域不超过 50 个").default([]),
  rangeNote: z.string().trim().max(200, "测量范围说明不超过 200 个字").nullish(),
  dailyCapacity: z.number().int("每时段接收量须为整数").min(1, "每时段接收量至少为 1").max(10000, "每时段接收量不超过 10000").nullish(),
  enabled: z.boolean().default(true),
});
export const capabilityEnableInput = z.object({ id: idSchema, enabled: z.boolean() });
export const capabilityIdInput = z.object({ id: idSchema });

/** Enterprise: see the institutions offered for these instruments (R-FIL-1). */
export const filingOptionsInput = z.object({ instrumentIds: ids(200) });
export const submitFilingsInput = z.object({
  items: z
    .array(z.object({ instrumentId: idSchema, institutionId: idSchema }))
    .min(1, "请至少选择一台器具")
    .max(200, "一次最多提交 200 台器具"),
});

/**
 * Fields the enterprise may correct on a 资料不完整 return before resubmitting (R-FIL-6): the ledger's own
 * field rules, picked, so a resubmission can never store what the edit form refuses.
 */
export const instrumentCorrection = instrumentFields.pick({
  name: true,
  model: true,
  measuringRange: true,
  accuracyClass: true,
  installLocation: true,
  typeCertNo: true,
  remark: true,
});
/** The columns a correction writes: an optional field left empty is cleared, as the ledger's edit form does. */
export function correctionColumns(c: z.output<typeof instrumentCorrection>) {
  return {
    ...c,
    measuringRange: c.measuringRange ?? null,
    accuracyClass: c.accuracyClass ?? null,
    typeCertNo: c.typeCertNo ?? null,
    remark: c.remark ?? null,
  };
}
export const resubmitInput = z.object({ instrumentId: idSchema, institutionId: idSchema, changes: instrumentCorrection.optional() });
export const instrumentIdInput = z.object({ instrumentId: idSchema });

export const candidateListInput = pageSchema.extend({ q: z.string().trim().max(40, "搜索词不超过 40 个字").optional() });
export const myFilingsInput = pageSchema.extend({ tab: z.enum(["submitted", "returned"]) });

export const filingStateSchema = z.enum(FILING_STATES);
export const queueInput = pageSchema.extend({
  /** review: filings submitted to the caller (备案审核); handle: filings assigned to the caller (备案处理). */
  view: z.enum(["review", "handle"]).default("review"),
  state: filingStateSchema.optional(),
  q: z.string().trim().max(40, "搜索词不超过 40 个字").optional(),
});

export const returnReasonSchema = z.enum(RETURN_REASONS, { error: "请选择退回原因" });
export const decideInput = z.object({ filingIds: ids(500) });
export const assignInput = z.object({ filingIds: ids(500), countyInstitutionId: idSchema });
export const returnInput = z
  .object({
    filingIds: ids(500),
    reason: returnReasonSchema,
    text: z.string().trim().max(300, "退回说明不超过 300 个字").optional(),
  })
  .refine((v) => v.reason !== "other" || (v.text?.length ?? 0) > 0, { message: "选择“其他”时请填写退回说明", path: ["text"] });
export const declineInput = z.object({
  filingIds: ids(500),
  text: z.string().trim().max(300, "说明不超过 300 个字").optional(),
});

export const bucketSchema = z.enum(["all", "due", "overdue", "invalid", "valid", "failed"]);
export const jurisdictionInstrumentsInput = pageSchema.extend({
  bucket: bucketSchema.default("all"),
  q: z.string().trim().max(40, "搜索词不超过 40 个字").optional(),
  regionCode: regionCodeSchema.optional(),
});
export const jurisdictionCountsInput = z.object({ regionCode: regionCodeSchema.optional() }).optional();
export const enterpriseListInput = pageSchema.extend({ q: z.string().trim().max(40, "搜索词不超过 40 个字").optional() });
