import { z } from "zod";

/** 个人用户与单位的关联状态: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const MEMBERSHIP_STATUSES = ["pending", "approved", "rejected", "removed"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const membershipStatusSchema = z.enum(MEMBERSHIP_STATUSES);
export const MEMBERSHIP_STATUS_LABEL = { pending: "待审核", approved: "已关联", rejected: "已拒绝", removed: "已删除" } as const satisfies Record<MembershipStatus, string>;
