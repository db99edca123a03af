import { z } from "zod";

/** 组织注册审核状态（R-ACC-3）: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const ORG_STATUSES = ["pending", "approved", "rejected", "disabled"] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];
export const orgStatusSchema = z.enum(ORG_STATUSES);
export const ORG_STATUS_LABEL = { pending: "待审核", approved: "已通过", rejected: "被退回", disabled: "已停用" } as const satisfies Record<OrgStatus, string>;
