import { z } from "zod";

/** Label sheet formats (R-PUB-3): an A4 sheet of 3 × 8, or one 50 × 30 mm thermal label per page. */
export const LABEL_FORMATS = ["a4", "thermal"] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];
export const LABEL_FORMAT_LABEL = { a4: "A4 不干胶（3 × 8）", thermal: "热敏标签（50 × 30 mm）" } as const satisfies Record<LabelFormat, string>;

/** The label sheet request (R-PUB-3): instrument ids as "1,2,3" and the sheet format. */
export const labelSheetQuerySchema = z.object({
  ids: z
    .string()
    .max(4000, "一次最多打印 240 张标签，请分批打印")
    .transform((s) => s.split(",").filter(Boolean).map(Number))
    .refine((a) => a.length > 0 && a.every((n) => Number.isSafeInteger(n) && n > 0), "请选择已备案的器具再打印标签"),
  format: z.enum(LABEL_FORMATS).default("a4"),
});
