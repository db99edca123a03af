import type { LucideIcon } from "lucide-react";
import { BookOpen, Building2, ClipboardCheck, FileSearch, FileStack, Gauge, Home, ListChecks, Users } from "lucide-react";

export type NavRole = "enterprise" | "institution" | "regulator" | "admin";
export type NavItem = { label: string; href: string; icon: LucideIcon; description: string };

/**
 * Sidebar menus in the manuals' words. Only entries whose pages exist are listed: each area adds its
 * entries here when it ships its pages (the full menus are in the issues and SPEC §1).
 */
export const NAV: Record<NavRole, NavItem[]> = {
  enterprise: [
    { label: "首页", href: "/enterprise", icon: Home, description: "本单位概况" },
    { label: "备案管理", href: "/enterprise/filings", icon: FileStack, description: "待备案、已提交和被退回的器具备案" },
  ],
  institution: [
    { label: "首页", href: "/institution", icon: Home, description: "本机构概况" },
    { label: "备案审核", href: "/institution/filings", icon: ClipboardCheck, description: "审核、分派或退回企业提交的备案" },
    { label: "辖区仪器", href: "/institution/instruments", icon: Gauge, description: "全部、须检、超期未检、无效、有效、不合格" },
    { label: "申报企业", href: "/institution/enterprises", icon: Building2, description: "辖区内或向本机构备案的企业" },
    { label: "检定能力", href: "/institution/capabilities", icon: ListChecks, description: "维护可检定的器具种别、方式与覆盖区域" },
  ],
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

