import { z } from "zod";

/** 检定结论 (R-RES-1): 合格 → 检定证书; 不合格 → 检定结果通知书. Declared once. */
export const VERDICTS = ["pass", "fail"] as const;
export type Verdict = (typeof VERDICTS)[number];
export const verdictSchema = z.enum(VERDICTS);
export const VERDICT_LABEL = { pass: "合格", fail: "不合格" } as const satisfies Record<Verdict, string>;
