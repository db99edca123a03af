import type { LucideIcon } from "lucide-react";
import { BookOpen, FileSearch, Gauge, Home, Users } from "lucide-react";

export type NavRole = "enterprise" | "institution" | "regulator" | "admin";
export type NavItem = { label: string; href: string; icon: LucideIcon; description: string };

/**
 * Sidebar menus in the manuals' words. Only entries whose pages exist are listed: each area adds its
 * entries here when it ships its pages (the full menus are in the issues and SPEC §1).
 */
export const NAV: Record<NavRole, NavItem[]> = {
  enterprise: [
    { label: "首页", href: "/enterprise", icon: Home, description: "本单位概况" },
    { label: "仪器管理", href: "/enterprise/instruments", icon: Gauge, description: "器具台账：新增、导入、导出、停用与报废" },
  ],
  institution: [{ label: "首页", href: "/institution", icon: Home, description: "本机构概况" }],
  regulator: [{ label: "首页", href: "/regulator", icon: Home, description: "本辖区概况" }],
  admin: [
    { label: "首页", href: "/admin", icon: Home, description: "平台概况" },
    { label: "器具目录", href: "/admin/catalogue", icon: BookOpen, description: "查看并导入《实施强制管理的计量器具目录》" },
    { label: "用户", href: "/admin/users", icon: Users, description: "按地区、角色查找平台用户" },
    { label: "审计日志", href: "/admin/audit", icon: FileSearch, description: "谁在何时做了什么" },
  ],
};

export const ROLE_HOME: Record<string, string> = {
  enterprise: "/enterprise",
  institution: "/institution",
  regulator: "/regulator",
  admin: "/admin",
  personal: "/account",
};

export const PUBLIC_NAV = [
  { label: "首页", href: "/" },
  { label: "器具目录", href: "/catalogue" },
];

