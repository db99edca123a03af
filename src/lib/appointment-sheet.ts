import { APPOINTMENT_ITEM_STATE_LABEL, APPOINTMENT_STATE_LABEL, METHOD_LABEL, type AppointmentItemState, type AppointmentState, type Method } from "@/lib/vocab";

/**
 * 预约单 (R-APT-7): what the printed page and the PDF both show, in one place so the two never drift apart.
 */
export type SheetSource = {
  number: string | null;
  state: AppointmentState;
  method: Method;
  day: string;
  slotLabel: string;
  slotStart: string;
  slotEnd: string;
  institutionName: string;
  institutionAddress: string | null;
  institutionPhone: string | null;
  enterpriseName: string;
  enterpriseAddress: string | null;
  contactName: string | null;
  contactPhone: string | null;
  siteAddress: string | null;
  items: { state: AppointmentItemState; name: string; model: string; serialNo: string; manufacturer: string; instrumentCode: string | null }[];
};

export const SHEET_TITLE = "计量器具强制检定预约单";
export const SHEET_NOTE = "请按预约时间携带本预约单办理；检定机构凭预约单号，或扫描二维码、条形码办理接收登记。";
export const SHEET_COLUMNS = ["序号", "器具名称", "型号规格", "出厂编号", "生产厂家", "器具编码", "状态"] as const;

const WEEKDAY = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
/** "2026年12月03日（周四）" from a China calendar day. */
export function sheetDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${y}年${m}月${d}日（${WEEKDAY[new Date(`${day}T00:00:00Z`).getUTCDay()]}）`;
}

export function sheetFields(s: SheetSource): [string, string][] {
  const fields: [string, string][] = [
    ["预约单号", s.number ?? "（提交后生成）"],
    ["预约状态", APPOINTMENT_STATE_LABEL[s.state]],
    ["检定方式", METHOD_LABEL[s.method]],
    ["预约日期", sheetDay(s.day)],
    ["预约时段", `${s.slotLabel} ${s.slotStart}–${s.slotEnd}`],
    ["检定机构", s.institutionName],
    ["机构地址", s.institutionAddress ?? "—"],
    ["机构电话", s.institutionPhone ?? "—"],
    ["申请单位", s.enterpriseName],
    ["联系人", [s.contactName, s.contactPhone].filter(Boolean).join("　") || "—"],
  ];
  if (s.method === "on_site") fields.push(["检定地点", s.siteAddress ?? s.enterpriseAddress ?? "—"]);
  return fields;
}

export function sheetRows(s: SheetSource): string[][] {
  return s.items.map((i, n) => [String(n + 1), i.name, i.model, i.serialNo, i.manufacturer, i.instrumentCode ?? "—", APPOINTMENT_ITEM_STATE_LABEL[i.state]]);
}
