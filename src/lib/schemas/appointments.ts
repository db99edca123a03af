import { z } from "zod";
import "./zod-zh";
import { calendarDayKindSchema } from "@/lib/vocab";
import { idSchema } from "./common";

/**
 * Issue 10 item 1 (预约设置 and the platform holiday calendar). The slot rules live here, in client-safe
 * code, so that the settings form and the procedure refuse the same input with the same words.
 */

/** A real calendar day as "YYYY-MM-DD" (2026-02-30 is refused, not rolled over). */
export const daySchema = z
  .string({ error: "请选择日期" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, "日期不存在");

export const yearSchema = z.coerce.number({ error: "请选择年份" }).int("年份无效").min(2000, "年份无效").max(2100, "年份无效");

/** Wall-clock time in China, "HH:MM" on a 24-hour clock. */
export const timeSchema = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "时间格式应为 HH:MM（24 小时制）");

export { CALENDAR_DAY_KIND_LABEL, type CalendarDayKind } from "@/lib/vocab";

export const MAX_SLOTS_PER_DAY = 12;
export const MAX_SLOT_CAPACITY = 10_000;
const capacitySchema = z.coerce
  .number({ error: "请填写容量" })
  .int("容量须为整数")
  .min(1, "容量至少为 1 台（件）")
  .max(MAX_SLOT_CAPACITY, `容量不超过 ${MAX_SLOT_CAPACITY} 台（件）`);

export const slotInput = z.object({
  label: z.string().trim().min(1, "请填写时段名称").max(10, "时段名称不超过 10 个字"),
  startTime: timeSchema,
  endTime: timeSchema,
  capacitySendIn: capacitySchema,
  capacityOnSite: capacitySchema,
});
export type SlotInput = z.infer<typeof slotInput>;

/** The defaults every institution starts with (issue 10: 上午 08:30–12:00, 下午 14:00–17:30). */
export const DEFAULT_SLOTS: SlotInput[] = [
  { label: "上午", startTime: "08:30", endTime: "12:00", capacitySendIn: 50, capacityOnSite: 20 },
  { label: "下午", startTime: "14:00", endTime: "17:30", capacitySendIn: 50, capacityOnSite: 20 },
];

/**
 * What is wrong with a day's slots, in Chinese, with the index of the slot concerned: an end not after
 * its start, two slots that overlap (touching is fine: 12:00–12:00), or a repeated name.
 */
export function slotProblems(slots: Pick<SlotInput, "label" | "startTime" | "endTime">[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  slots.forEach((s, i) => {
    if (s.endTime <= s.startTime) problems.push({ index: i, message: `时段“${s.label}”的结束时间须晚于开始时间` });
  });
  const order = slots.map((s, i) => ({ ...s, i })).sort((a, b) => a.startTime.localeCompare(b.startTime));
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const cur = order[k]!;
    if (cur.startTime < prev.endTime) problems.push({ index: cur.i, message: `时段“${cur.label}”与“${prev.label}”时间重叠` });
  }
  const seen = new Set<string>();
  slots.forEach((s, i) => {
    if (seen.has(s.label)) problems.push({ index: i, message: `时段名称“${s.label}”重复` });
    seen.add(s.label);
  });
  return problems;
}

export const saveSlotsInput = z
  .object({ slots: z.array(slotInput).min(1, "至少设置一个时段").max(MAX_SLOTS_PER_DAY, `每天最多 ${MAX_SLOTS_PER_DAY} 个时段`) })
  .superRefine((v, ctx) => {
    for (const p of slotProblems(v.slots)) ctx.addIssue({ code: "custom", message: p.message, path: ["slots", p.index] });
  });

export const closedDayInput = z.object({
  day: daySchema,
  reason: z.string().trim().min(1, "请填写停止受理的原因").max(50, "原因不超过 50 个字"),
});
export const closedDayIdInput = z.object({ id: idSchema });

export const holidayListInput = z.object({ year: yearSchema });
export const holidayAddInput = z.object({
  day: daySchema,
  kind: calendarDayKindSchema,
  name: z.string().trim().min(1, "请填写名称，如“国庆节”").max(20, "名称不超过 20 个字"),
});
export const holidayRemoveInput = z.object({ day: daySchema });

export const MAX_OPEN_SLOT_DAYS = 62;
export const openSlotsInput = z.object({
  institutionId: idSchema,
  /** First day to look at; the rule itself leaves out today and the past (R-APT-5). */
  fromDay: daySchema.optional(),
  days: z.coerce.number().int().min(1).max(MAX_OPEN_SLOT_DAYS, `一次最多查看 ${MAX_OPEN_SLOT_DAYS} 天`).default(31),
});
