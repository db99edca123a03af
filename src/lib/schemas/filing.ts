import { z } from "zod";
import "./zod-zh";
import { idSchema, pageSchema, regionCodeSchema } from "./common";

const ids = (max: number) =>
  z.array(idSchema).min(1, "请至少选择一条记录").max(max, `一次最多处理 ${max} 条`).transform((a) => [...new Set(a)]);

export const methodSchema = z.enum(["send_in", "on_site"], { error: "请选择检定方式" });

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

/** Fields the enterprise may correct on a 资料不完整 return before resubmitting (R-FIL-6). */
export const instrumentCorrection = z.object({
  name: z.string().trim().min(1, "请填写器具名称").max(100, "器具名称不超过 100 个字"),
  model: z.string().trim().min(1, "请填写型号规格").max(100, "型号规格不超过 100 个字"),
  measuringRange: z.string().trim().max(100, "测量范围不超过 100 个字").nullish(),
  accuracyClass: z.string().trim().max(50, "准确度等级不超过 50 个字").nullish(),
  installLocation: z.string().trim().min(1, "请填写安装使用地点").max(200, "安装使用地点不超过 200 个字"),
  typeCertNo: z.string().trim().max(60, "型式证书号不超过 60 个字").nullish(),
  remark: z.string().trim().max(500, "备注不超过 500 个字").nullish(),
});
export const resubmitInput = z.object({ instrumentId: idSchema, institutionId: idSchema, changes: instrumentCorrection.optional() });
export const instrumentIdInput = z.object({ instrumentId: idSchema });

export const candidateListInput = pageSchema.extend({ q: z.string().trim().max(40, "搜索词不超过 40 个字").optional() });
export const myFilingsInput = pageSchema.extend({ tab: z.enum(["submitted", "returned"]) });

export const filingStateSchema = z.enum(["pending", "assigned", "filed", "returned"]);
export const queueInput = pageSchema.extend({
  /** review: filings submitted to the caller (备案审核); handle: filings assigned to the caller (备案处理). */
  view: z.enum(["review", "handle"]).default("review"),
  state: filingStateSchema.optional(),
  q: z.string().trim().max(40, "搜索词不超过 40 个字").optional(),
});

export const returnReasonSchema = z.enum(["incomplete", "not_in_catalogue", "other"], { error: "请选择退回原因" });
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
