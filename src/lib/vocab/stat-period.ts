import { z } from "zod";

/** 统计期间 of the dashboard (issue 12 item 2): whole months ending with the current one. */
export const STAT_PERIODS = ["month", "quarter", "year", "12m"] as const;
export type StatPeriod = (typeof STAT_PERIODS)[number];
export const statPeriodSchema = z.enum(STAT_PERIODS, { error: "统计期间无效" });
export const STAT_PERIOD_LABEL = { month: "本月", quarter: "本季度", year: "本年", "12m": "近 12 个月" } as const satisfies Record<StatPeriod, string>;
