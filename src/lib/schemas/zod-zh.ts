import { z } from "zod";

// Every zod message defaults to Simplified Chinese; schemas still give field-specific messages where it helps.
z.config(z.locales.zhCN());

/** One readable Chinese sentence for a failed parse (the per-field errors travel separately). */
export function zodIssuesToChinese(error: z.ZodError): string {
  const messages = [...new Set(error.issues.map((i) => i.message))];
  return `输入有误：${messages.slice(0, 3).join("；")}${messages.length > 3 ? "等" : ""}`;
}
