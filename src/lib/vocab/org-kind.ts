import { z } from "zod";

/** 组织类别: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const ORG_KINDS = ["enterprise", "institution", "regulator", "platform"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const orgKindSchema = z.enum(ORG_KINDS);
export const ORG_KIND_LABEL = { enterprise: "使用单位", institution: "计量技术机构", regulator: "计量行政管理部门", platform: "平台运营方" } as const satisfies Record<OrgKind, string>;
