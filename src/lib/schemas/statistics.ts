import { z } from "zod";
import { purposeSchema } from "@/lib/vocab/purpose";
import { statPeriodSchema } from "@/lib/vocab/stat-period";
import { CURSOR_INVALID, idSchema, regionCodeSchema } from "./common";

/** Dashboard filters (统计分析, issue 12 item 2); the same names travel in the page's URL. */
export const statFilterSchema = z.object({
  region: regionCodeSchema.optional(),
  period: statPeriodSchema.default("year"),
  item: idSchema.optional(),
  purpose: purposeSchema.optional(),
  institution: idSchema.optional(),
});
export type StatFilter = z.infer<typeof statFilterSchema>;

/** The dashboard itself: the filters plus the page of a county's enterprises (keyset, most instruments first). */
export const statDashboardInput = statFilterSchema.extend({
  cursor: z.string({ error: CURSOR_INVALID }).max(100, CURSOR_INVALID).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type StatDashboardInput = z.infer<typeof statDashboardInput>;

/** Workload forecast (issue 12 item 7): one institution's weeks; a regulator names one in its region. */
export const forecastInput = z.object({ institution: idSchema.optional() }).optional();
