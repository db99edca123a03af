import { z } from "zod";
import "./zod-zh";
import { FILING_STATUSES, INSTRUMENT_STATUSES, METHODS, ORIGINS, PURPOSES } from "@/lib/vocab";
import { CURSOR_INVALID, idSchema } from "./common";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .optional()
    .transform((v) => (v ? v : undefined));
const requiredText = (max: number, label: string) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);

/** Form fields send "" for "not chosen". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A calendar day "YYYY-MM-DD" that exists (2026-02-30 is refused). */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 年-月-日，例如 2026-05-01")
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, "日期不存在");

export { FILING_STATUSES, INSTRUMENT_STATUSES, METHODS, ORIGINS, PURPOSES } from "@/lib/vocab";

/** Custom tags: given as a list or as one space-separated string (SPEC §5 自定义标签). */
export const tagsSchema = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => {
    const list = (typeof v === "string" ? v.split(/[\s\u3000,，]+/) : (v ?? [])).map((t) => t.trim()).filter(Boolean);
    return [...new Set(list)];
  })
  .pipe(z.array(z.string().max(20, "每个标签不超过 20 个字")).max(10, "标签最多 10 个"));

/**
 * The ledger fields of SPEC §5 an enterprise enters (the form, Excel import and row-by-row import all use
 * this one schema). Fields filled by later workflows (器具编码, 检定机构, 证书号, 有效期至…) are not here.
 */
export const instrumentFields = z.object({
  name: requiredText(50, "器具名称"),
  model: requiredText(50, "型号规格"),
  measuringRange: optionalText(50, "测量范围"),
  accuracyClass: optionalText(30, "准确度等级"),
  serialNo: requiredText(50, "出厂编号"),
  ownNo: optionalText(30, "自编号"),
  manufacturer: requiredText(100, "生产厂家"),
  origin: z.preprocess(blankToUndefined, z.enum(ORIGINS, { error: "生产地只能是 国产 或 进口" }).optional()),
  installLocation: requiredText(100, "安装使用地点"),
  countyCode: z.string({ error: "请选择所在地（省/市/区县）" }).regex(/^\d{6}$/, "请选择所在地到区县一级"),
  purchaseDate: z.preprocess(blankToUndefined, daySchema.optional()),
  status: z.enum(["new", "in_use"], { error: "新登记器具的状态只能是 新增 或 在用" }).default("in_use"),
  purpose: z.enum(PURPOSES, { error: "请选择器具用途" }),
  instrumentType: z.string().trim().max(20).default("工作计量器具"),
  method: z.enum(METHODS, { error: "请选择检定方式" }),
  kindId: z.preprocess(blankToUndefined, idSchema.optional()).refine((v) => v !== undefined, "请选择项别/种别") as unknown as typeof idSchema,
  quantity: z.coerce.number({ error: "器具数量应为整数" }).int("器具数量应为整数").min(1, "器具数量至少为 1").max(9999, "器具数量不超过 9999").default(1),
  department: optionalText(8, "部门"),
  typeCertNo: optionalText(50, "型式证书号"),
  tags: tagsSchema,
  remark: optionalText(200, "备注"),
});
export type InstrumentFields = z.output<typeof instrumentFields>;
export type InstrumentFieldsInput = z.input<typeof instrumentFields>;

/** Add, or copy (R-LED-2) when `copiedFrom` names the record the form was filled from. */
export const createInstrumentInput = instrumentFields.extend({ copiedFrom: idSchema.optional() });
/** Modify: every field except the status, which only the lifecycle actions change. */
export const updateInstrumentInput = z.object({
  id: idSchema,
  fields: instrumentFields.omit({ status: true }),
  /** The record's updatedAt when the form was opened: a later change by someone else is a conflict. */
  expectedUpdatedAt: z.date().optional(),
});
export const instrumentIdInput = z.object({ id: idSchema });
export const instrumentIdsInput = z.object({ ids: z.array(idSchema).min(1, "请先选择器具").max(500, "一次最多选择 500 台器具") });

export const LEDGER_SORTS = ["newest", "validUntil", "name"] as const;
export const LEDGER_BUCKETS = ["due", "overdue"] as const;

/** Ledger list filters (R-LED-6); shared by the list, its counts and the export. */
export const ledgerFilterSchema = z.object({
  q: z.string().trim().max(50, "搜索词不超过 50 个字").optional(),
  name: z.string().trim().max(50).optional(),
  kindId: idSchema.optional(),
  status: z.enum(INSTRUMENT_STATUSES).optional(),
  filingStatus: z.enum(FILING_STATUSES).optional(),
  bucket: z.enum(LEDGER_BUCKETS).optional(),
  tag: z.string().trim().max(20).optional(),
  departmentId: idSchema.optional(),
  regionCode: z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, "行政区划代码应为 2、4 或 6 位数字").optional(),
});
export type LedgerFilter = z.output<typeof ledgerFilterSchema>;

export const ledgerListInput = ledgerFilterSchema.extend({
  sort: z.enum(LEDGER_SORTS).default("newest"),
  limit: z.number().int().min(1).max(200).default(20),
  /** Opaque keyset cursor returned by the previous page. */
  cursor: z.string({ error: CURSOR_INVALID }).max(200, CURSOR_INVALID).nullish(),
});

export { ATTACHMENT_SLOTS as attachmentSlots, type AttachmentSlot } from "@/lib/vocab";
export const attachmentDeleteInput = z.object({ instrumentId: idSchema, attachmentId: idSchema });

/** Row-by-row import: a small batch of rows (already parsed to cells by the parse endpoint). */
export const importRowsInput = z.object({
  rows: z
    .array(z.object({ rowNumber: z.number().int().min(1), cells: z.record(z.string(), z.string().max(500)) }))
    .min(1)
    .max(50, "每批最多 50 行"),
});
