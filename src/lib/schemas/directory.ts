import { z } from "zod";
import { INSTITUTION_KINDS } from "@/lib/vocab";

const regionCode = z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, "地区代码无效");

/** Filters of the public institution directory (seed 004 §5): region, kind, keyset cursor. */
export const directoryFilterSchema = z.object({
  region: regionCode.optional().catch(undefined),
  kind: z.enum(INSTITUTION_KINDS).optional().catch(undefined),
  cursor: z.coerce.number().int().positive().optional().catch(undefined),
});
export type DirectoryFilter = z.infer<typeof directoryFilterSchema>;

/** 授权证书编号 and 有效期至, kept by the institution's owner or an administrator (issue 11 #5). */
export const authorisationInput = z.object({
  orgId: z.number().int().positive().optional(),
  authorisationCertNo: z.string().trim().min(1, "请填写授权证书编号").max(60, "授权证书编号不超过 60 个字符"),
  authorisationValidUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "请选择有效期至"),
});
