import { z } from "zod";
import "./zod-zh";
import { regionCodeSchema } from "./common";

export const regionChildrenInput = z.object({ parentCode: regionCodeSchema.nullish() });
export const regionPathInput = z.object({ code: regionCodeSchema });

export const catalogueImportInput = z.object({
  name: z.string().trim().min(2, "请填写目录版本名称（至少 2 个字）").max(60, "目录版本名称不超过 60 个字"),
  csv: z.string().min(1, "请选择 CSV 文件").max(2_000_000, "文件过大（不超过 2 MB）"),
  /** false: only validate and preview; true: import. */
  commit: z.boolean().default(false),
});
