import { z } from "zod";

/** 一次备案申请的状态（R-FIL-1…6）: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const FILING_STATES = ["pending", "assigned", "filed", "returned"] as const;
export type FilingState = (typeof FILING_STATES)[number];
export const filingStateSchema = z.enum(FILING_STATES);
export const FILING_STATE_LABEL = { pending: "待审核", assigned: "待确认（已分派）", filed: "已备案", returned: "被退回" } as const satisfies Record<FilingState, string>;
