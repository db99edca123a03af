import { z } from "zod";

/** 器具的备案状态（台账上显示）: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const FILING_STATUSES = ["none", "pending", "assigned", "filed", "returned"] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export const filingStatusSchema = z.enum(FILING_STATUSES);
export const FILING_STATUS_LABEL = { none: "未备案", pending: "待审核", assigned: "待确认", filed: "已备案", returned: "被退回" } as const satisfies Record<FilingStatus, string>;
