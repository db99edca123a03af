import { z } from "zod";
import "./zod-zh";
import { FILING_STATUSES, INSTRUMENT_STATUSES, NOTICE_KINDS, PURPOSES } from "@/lib/vocab";
import { CURSOR_INVALID, idSchema, pageSchema } from "./common";

/**
 * Issue 12 (regulator workspace): supervision lists, notices, task assignment, fuel dispensers, duplicates.
 * The supervision filter's names (region, bucket, item, purpose, institution, q) are also the query
 * parameters of /regulator/instruments and of its export, so the dashboard can link to the list behind a number.
 */
export const SUPERVISION_BUCKETS = ["all", "due", "overdue", "invalid", "valid", "failed"] as const;
export const WARNING_BUCKETS = ["overdue", "invalid", "failed"] as const;

/** URL parameters arrive as strings; "" means "not chosen". */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalId = (what: string) => z.preprocess(blank, z.coerce.number({ error: `${what}无效` }).int(`${what}无效`).positive(`${what}无效`).max(Number.MAX_SAFE_INTEGER, `${what}无效`).optional());

export const supervisionFilter = z.object({
  region: z.preprocess(blank, z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, "地区无效：行政区划代码应为 2、4 或 6 位数字").optional()),
  bucket: z.preprocess(blank, z.enum(SUPERVISION_BUCKETS, { error: "分类无效：只能是 全部、须检、超期未检、无效、有效 或 不合格" }).default("all")),
  item: optionalId("项别"),
  purpose: z.preprocess(blank, z.enum(PURPOSES, { error: "用途无效：只能是 贸易结算、安全防护、医疗卫生 或 环境监测" }).optional()),
  institution: optionalId("检定机构"),
  kindId: optionalId("种别"),
  status: z.preprocess(blank, z.enum(INSTRUMENT_STATUSES, { error: "器具状态无效" }).optional()),
  filingStatus: z.preprocess(blank, z.enum(FILING_STATUSES, { error: "备案状态无效" }).optional()),
  q: z.preprocess(blank, z.string().trim().max(40, "搜索词不超过 40 个字").optional()),
});
export type SupervisionFilter = z.output<typeof supervisionFilter>;
export const supervisionListInput = supervisionFilter.extend(pageSchema.shape);

export const warningListInput = pageSchema.extend({
  bucket: z.enum(WARNING_BUCKETS, { error: "预警类别无效：只能是 超期未检、无效 或 不合格" }).default("overdue"),
  region: supervisionFilter.shape.region,
  q: supervisionFilter.shape.q,
});

export const duplicateListInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string({ error: CURSOR_INVALID }).max(100, CURSOR_INVALID).nullish(),
});

// 公示公告
const title = z.string({ error: "请填写标题" }).trim().min(1, "请填写标题").max(100, "标题不超过 100 个字");
const body = z.string({ error: "请填写正文" }).trim().min(1, "请填写正文").max(100_000, "正文过长（不超过 10 万字符）");
export const noticeKindInput = z.enum(NOTICE_KINDS, { error: "请选择类别" });
export const noticeCreateInput = z.object({ kind: noticeKindInput.default("notice"), title, bodyHtml: body });
export const noticeUpdateInput = noticeCreateInput.extend({ id: idSchema });
export const noticeIdInput = z.object({ id: idSchema });
export const noticeListInput = pageSchema;
export const publicNoticeListInput = pageSchema.extend({ kind: z.preprocess(blank, noticeKindInput.optional()) });

// 任务分配
const reason = z.string({ error: "请填写转派原因" }).trim().min(1, "请填写转派原因").max(300, "转派原因不超过 300 个字");
export const taskListInput = pageSchema.extend({ q: supervisionFilter.shape.q });
export const taskTargetsInput = z.object({ kind: z.enum(["filing", "appointment"]), id: idSchema });
export const taskMoveInput = taskTargetsInput.extend({ targetInstitutionId: idSchema, reason });

// 加油机
const text = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);
export const dispenserFields = z.object({
  serialNo: text("出厂编号", 50),
  manufacturer: text("生产厂家", 100),
  model: text("型号规格", 50),
  nozzleCount: z.coerce.number({ error: "枪数应为整数" }).int("枪数应为整数").min(1, "枪数至少为 1").max(32, "枪数不超过 32"),
  mcuVersion: text("监控微处理器版本", 50),
  encoderVersion: text("编码器版本", 50),
  antiCheatVersion: text("防作弊系统版本", 50),
  installLocation: z.preprocess(blank, z.string().trim().max(100, "安装位置不超过 100 个字").optional()),
});
export type DispenserFields = z.output<typeof dispenserFields>;
export const dispenserCreateInput = dispenserFields.extend({ enterpriseId: idSchema });
export const DISPENSER_VERSION_FIELDS = ["mcuVersion", "encoderVersion", "antiCheatVersion"] as const;
export const dispenserListInput = pageSchema.extend({
  enterpriseId: z.preprocess(blank, idSchema.optional()),
  /** 版本筛选: dispensers whose `versionField` differs from `versionValue`. */
  versionField: z.preprocess(blank, z.enum(DISPENSER_VERSION_FIELDS, { error: "版本类别无效" }).optional()),
  versionValue: z.preprocess(blank, z.string().trim().max(50, "版本不超过 50 个字").optional()),
  q: supervisionFilter.shape.q,
});
export const stationListInput = pageSchema.extend({ q: supervisionFilter.shape.q });
