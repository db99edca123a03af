import { z } from "zod";
import "./zod-zh";

/** Record ids travel as positive integers; anything else is a malformed request. */
export const idSchema = z.coerce.number({ error: "编号无效" }).int("编号无效").positive("编号无效").max(Number.MAX_SAFE_INTEGER, "编号无效");

/** What a tampered or stale keyset cursor answers, for every keyset list (issue 9 item 8). */
export const CURSOR_INVALID = "分页参数无效";

/** Keyset pagination: `cursor` is the last id of the previous page. */
export const pageSchema = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z
    .number({ error: CURSOR_INVALID })
    .int(CURSOR_INVALID)
    .positive(CURSOR_INVALID)
    .max(Number.MAX_SAFE_INTEGER, CURSOR_INVALID)
    .nullish(),
});

export const regionCodeSchema = z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, "行政区划代码应为 2、4 或 6 位数字");
