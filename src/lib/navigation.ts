import type { LucideIcon } from "lucide-react";
import { AlertTriangle, Award, BarChart3, BookOpen, Copy, Fuel, Megaphone, Shuffle, TrendingUp, CalendarCheck, ClipboardList, ScanLine, Building2, CalendarClock, CalendarDays, ClipboardCheck, FileSearch, FileStack, FolderTree, Gauge, Home, Inbox, ListChecks, UserCheck, UserPlus, Users } from "lucide-react";

export type NavRole = "enterprise" | "institution" | "regulator" | "admin";
/** What decides whether an entry shows: the caller's organisation (kind, level, legal or authorised). */
export type NavOrg = { kind: string; level: string | null; institutionKind: string | null } | null;
export type NavItem = {
  label: string;
  href: string;
  icon: LucideIcon;
  description: string;
  /** Show only to some organisations of the role (the procedures check again). */
  visible?: (org: NavOrg) => boolean;
};

/** R-ACC-3: enterprise registrations are reviewed by the legal city institution of their city. */
const legalCityInstitution = (org: NavOrg) => org?.institutionKind === "legal" && org.level === "city";

/** The entries of a role's menu that this organisation sees. */
export function navFor(role: NavRole, org: NavOrg): NavItem[] {
  return NAV[role].filter((item) => !item.visible || item.visible(org));
}

/**
 * Sidebar menus in the manuals' words. Only entries whose pages exist are listed: each area adds its
 * entries here when it ships its pages (the full menus are in the issues and SPEC §1).
 */
export const NAV: Record<NavRole, NavItem[]> = {
  enterprise: [
    { label: "首页", href: "/enterprise", icon: Home, description: "本单位概况" },
    { label: "仪器管理", href: "/enterprise/instruments", icon: Gauge, description: "器具台账：新增、导入、导出、停用与报废" },
    { label: "备案管理", href: "/enterprise/filings", icon: FileStack, description: "待备案、已提交和被退回的器具备案" },
    { label: "预约管理", href: "/enterprise/appointments", icon: CalendarCheck, description: "预约送检、现场检定，查看被拒绝的预约" },
    { label: "证书", href: "/enterprise/certificates", icon: Award, description: "检定证书与检定结果通知书下载" },
    { label: "成员管理", href: "/enterprise/members", icon: UserPlus, description: "审核个人用户的关联申请，管理本单位成员" },
    { label: "部门管理", href: "/enterprise/departments", icon: FolderTree, description: "设置本单位使用计量器具的部门" },
  ],
  institution: [
    { label: "首页", href: "/institution", icon: Home, description: "本机构概况" },
    { label: "申报企业", href: "/institution/enterprises", icon: Building2, description: "辖区内或向本机构备案的企业" },
    {
      label: "注册审核",
      href: "/institution/registrations",
      icon: UserCheck,
      description: "审核本市使用单位的注册申请",
      visible: legalCityInstitution,
    },
    { label: "辖区仪器", href: "/institution/instruments", icon: Gauge, description: "全部、须检、超期未检、无效、有效、不合格" },
    { label: "备案审核", href: "/institution/filings", icon: ClipboardCheck, description: "审核、分派或退回企业提交的备案" },
    { label: "检定能力", href: "/institution/capabilities", icon: ListChecks, description: "维护可检定的器具种别、方式与覆盖区域" },
    { label: "预约确认", href: "/institution/appointments", icon: CalendarCheck, description: "确认、改期或拒绝企业的预约" },
    { label: "接收登记", href: "/institution/reception", icon: ScanLine, description: "按预约单号或扫码接收器具，退单" },
    { label: "检定结果", href: "/institution/results", icon: ClipboardList, description: "登记检定结果，出具证书与通知书" },
    { label: "证书管理", href: "/institution/certificates", icon: Award, description: "下载已出具的证书，登记费用，重新出具，编号规则" },
    { label: "负荷预测", href: "/institution/forecast", icon: TrendingUp, description: "未来 13 周到期器具与本机构可预约容量" },
    { label: "预约设置", href: "/institution/appointment-settings", icon: CalendarClock, description: "受理预约的时段、容量和停止受理日" },
  ],
  regulator: [
    { label: "首页", href: "/regulator", icon: Home, description: "本辖区概况" },
    { label: "统计分析", href: "/regulator/statistics", icon: BarChart3, description: "按地区逐级查看器具、超期、不合格与检定量" },
    { label: "辖区仪器", href: "/regulator/instruments", icon: Gauge, description: "按条件查询辖区内的器具与企业，导出 Excel" },
    { label: "预警", href: "/regulator/warnings", icon: AlertTriangle, description: "超期未检、无效和不合格器具及其企业联系人" },
    { label: "公示公告", href: "/regulator/notices", icon: Megaphone, description: "发布、修改、撤回通知公告与公示" },
    { label: "任务分配", href: "/regulator/tasks", icon: Shuffle, description: "将待审备案或未完成的预约转给有能力的机构" },
    { label: "加油机", href: "/regulator/dispensers", icon: Fuel, description: "加油机专用录入：监控微处理器、编码器、防作弊系统版本" },
    { label: "负荷预测", href: "/regulator/forecast", icon: TrendingUp, description: "未来 13 周各机构到期器具与可预约容量" },
    { label: "重复登记", href: "/regulator/duplicates", icon: Copy, description: "同一厂家与出厂编号被两家企业登记的器具" },
  ],
  admin: [
    { label: "首页", href: "/admin", icon: Home, description: "平台概况" },
    { label: "器具目录", href: "/admin/catalogue", icon: BookOpen, description: "查看并导入《实施强制管理的计量器具目录》" },
    { label: "注册审核", href: "/admin/registrations", icon: UserCheck, description: "审核使用单位、技术机构和监管部门的注册申请" },
    { label: "用户", href: "/admin/users", icon: Users, description: "按地区、角色查找平台用户，停用账户或要求重设密码" },
    { label: "节假日设置", href: "/admin/holidays", icon: CalendarDays, description: "法定节假日与调休上班日，预约日期据此计算" },
    { label: "审计日志", href: "/admin/audit", icon: FileSearch, description: "谁在何时做了什么" },
    { label: "消息发件箱", href: "/admin/outbox", icon: Inbox, description: "平台发出的短信等消息（默认短信通道只记录不外发）" },
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
  { label: "公示公告", href: "/notices" },
  // Issue 11 — public portal
  { label: "检定机构", href: "/institutions" },
];

