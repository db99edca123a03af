import { z } from "zod";

/** 账户角色: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const USER_ROLES = ["enterprise", "institution", "regulator", "admin", "personal"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const userRoleSchema = z.enum(USER_ROLES);
export const ROLE_LABEL = { enterprise: "使用单位", institution: "技术机构", regulator: "监管部门", admin: "平台管理员", personal: "个人用户" } as const satisfies Record<UserRole, string>;
