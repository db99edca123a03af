import { z } from "zod";

/** 单位内的身份: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const MEMBER_ROLES = ["owner", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export const MEMBER_ROLE_LABEL = { owner: "单位管理员", member: "成员" } as const satisfies Record<MemberRole, string>;
