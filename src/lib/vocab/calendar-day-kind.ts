import { z } from "zod";

/** Platform holiday calendar rows (issue 10 #1): 法定节假日, or 调休上班 (a weekend worked in lieu). */
export const CALENDAR_DAY_KINDS = ["holiday", "workday"] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const calendarDayKindSchema = z.enum(CALENDAR_DAY_KINDS, { error: "请选择类型（法定节假日或调休上班）" });
export const CALENDAR_DAY_KIND_LABEL = { holiday: "法定节假日", workday: "调休上班" } as const satisfies Record<CalendarDayKind, string>;
