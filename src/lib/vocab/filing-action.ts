import { z } from "zod";

/** 备案历史中的一步: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const FILING_ACTIONS = ["submit", "approve", "assign", "return", "confirm", "decline", "transfer"] as const;
export type FilingAction = (typeof FILING_ACTIONS)[number];
export const filingActionSchema = z.enum(FILING_ACTIONS);
export const FILING_ACTION_LABEL = { submit: "提交备案", approve: "审核通过", assign: "分派", return: "退回", confirm: "确认受理", decline: "无能力退回", transfer: "监管部门转派" } as const satisfies Record<FilingAction, string>;
