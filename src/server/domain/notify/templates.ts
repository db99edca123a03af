import type { NotifyEvent } from "@/lib/vocab/notify-event";

/**
 * Issue 13 #3: every event that notifies users, the data it carries, and its Chinese message with a link into
 * the platform. Pure: the caller (src/server/notify/events.ts) decides who receives it and through which
 * channels. Dates are China calendar days ("YYYY-MM-DD", R-TIME-1); amounts are in yuan as text ("120.00").
 */
export type EventData = {
  registration_reviewed: { orgName: string; approved: boolean; reason?: string };
  filing_approved: { count: number; instrumentNames: string[]; institutionName: string };
  filing_assigned: { count: number; instrumentNames: string[]; fromInstitutionName: string };
  filing_returned: { count: number; instrumentNames: string[]; institutionName: string; reason: string };
  appointment_confirmed: { appointmentId: number; appointmentNo: string; institutionName: string; date: string; timeSlot?: string };
  appointment_rescheduled: { appointmentId: number; appointmentNo: string; institutionName: string; fromDate: string; toDate: string; timeSlot?: string; reason?: string };
  appointment_rejected: { appointmentId: number; appointmentNo: string; institutionName: string; reason: string };
  appointment_received: { appointmentId: number; appointmentNo: string; institutionName: string; count: number };
  appointment_withdrawn: { appointmentId: number; appointmentNo: string; institutionName: string; reason: string };
  /** One message per recording (a batch of 300 results is one message, not 300). */
  result_issued: { appointmentId: number; appointmentNo: string; institutionName: string; passed: number; failed: number };
  certificate_issued: { appointmentId: number; instrumentId: number; instrumentName: string; certificateNo: string; validUntil: string };
  fee_due: { appointmentId: number; appointmentNo: string; institutionName: string; amount: string; dueDate?: string };
  task_assigned: { taskTitle: string; regulatorName: string; dueDate?: string };
  expiry_due: { count: number; instrumentNames: string[]; earliest: string };
  expiry_overdue: { count: number; instrumentNames: string[] };
  overdue_digest: { count: number; day: string; audience: "institution" | "regulator" };
};

export type EventOf<K extends NotifyEvent> = { kind: K; data: EventData[K] };
export type AnyEvent = { [K in NotifyEvent]: EventOf<K> }[NotifyEvent];

/** What every channel renders from: a title (e-mail subject, in-app title), one text, and a link path. */
export type Rendered = { title: string; text: string; link: string };

/** "A、B、C 等 5 台" — a short list of instrument names for one line. */
export function namesLine(names: string[], count: number, max = 3): string {
  const shown = names.slice(0, max).join("、");
  if (!shown) return `${count} 台器具`;
  return count > Math.min(names.length, max) ? `${shown} 等 ${count} 台器具` : `${shown}（${count} 台）`;
}

const appt = (id: number) => `/enterprise/appointments/${id}`;

const TEMPLATES: { [K in NotifyEvent]: (d: EventData[K]) => Rendered } = {
  registration_reviewed: (d) =>
    d.approved
      ? { title: "注册申请已通过审核", text: `${d.orgName}的注册申请已通过审核，现在可以登录办理业务。`, link: "/login" }
      : { title: "注册申请被退回", text: `${d.orgName}的注册申请被退回，原因：${d.reason ?? "未说明"}。请登录修改后重新提交。`, link: "/registration" },
  filing_approved: (d) => ({
    title: "备案已通过",
    text: `${namesLine(d.instrumentNames, d.count)}已由${d.institutionName}备案通过，可以预约检定。`,
    link: "/enterprise/filings",
  }),
  filing_assigned: (d) => ({
    title: "有备案分派给本机构",
    text: `${d.fromInstitutionName}将${namesLine(d.instrumentNames, d.count)}的备案分派给本机构，请确认或退回。`,
    link: "/institution/filings",
  }),
  filing_returned: (d) => ({
    title: "备案被退回",
    text: `${namesLine(d.instrumentNames, d.count)}的备案被${d.institutionName}退回，原因：${d.reason}。请修改后重新提交。`,
    link: "/enterprise/filings",
  }),
  appointment_confirmed: (d) => ({
    title: "预约已确认",
    text: `预约 ${d.appointmentNo} 已由${d.institutionName}确认，检定日期 ${d.date}${d.timeSlot ? ` ${d.timeSlot}` : ""}。`,
    link: appt(d.appointmentId),
  }),
  appointment_rescheduled: (d) => ({
    title: "预约已改期",
    text: `预约 ${d.appointmentNo} 的检定日期由 ${d.fromDate} 改为 ${d.toDate}${d.timeSlot ? ` ${d.timeSlot}` : ""}${d.reason ? `，原因：${d.reason}` : ""}。`,
    link: appt(d.appointmentId),
  }),
  appointment_rejected: (d) => ({
    title: "预约未被受理",
    text: `预约 ${d.appointmentNo} 未被${d.institutionName}受理，原因：${d.reason}。`,
    link: appt(d.appointmentId),
  }),
  appointment_received: (d) => ({
    title: "器具已接收",
    text: `${d.institutionName}已接收预约 ${d.appointmentNo} 的 ${d.count} 台器具，检定完成后将通知您。`,
    link: appt(d.appointmentId),
  }),
  appointment_withdrawn: (d) => ({
    title: "退单通知",
    text: `预约 ${d.appointmentNo} 已被${d.institutionName}退单，原因：${d.reason}。`,
    link: appt(d.appointmentId),
  }),
  result_issued: (d) => ({
    title: "检定结果已出具",
    text: `${d.institutionName}已出具预约 ${d.appointmentNo} 的检定结果：${[d.passed ? `合格 ${d.passed} 台（检定证书）` : "", d.failed ? `不合格 ${d.failed} 台（检定结果通知书）` : ""].filter(Boolean).join("，")}，可在“证书”中下载。`,
    link: appt(d.appointmentId),
  }),
  certificate_issued: (d) => ({
    title: "检定证书已出具",
    text: `${d.instrumentName}的检定证书 ${d.certificateNo} 已出具，有效期至 ${d.validUntil}。`,
    link: `/enterprise/instruments/${d.instrumentId}`,
  }),
  fee_due: (d) => ({
    title: "待缴检定费用",
    text: `预约 ${d.appointmentNo} 应向${d.institutionName}缴纳检定费用 ${d.amount} 元${d.dueDate ? `，请于 ${d.dueDate} 前缴纳` : ""}。`,
    link: appt(d.appointmentId),
  }),
  task_assigned: (d) => ({
    title: "监管部门下达任务",
    text: `${d.regulatorName}下达任务：${d.taskTitle}${d.dueDate ? `，完成期限 ${d.dueDate}` : ""}。`,
    link: "/institution",
  }),
  expiry_due: (d) => ({
    title: "器具有效期即将到期",
    text: `${namesLine(d.instrumentNames, d.count)}的检定有效期将于 30 天内到期（最早 ${d.earliest}），请及时预约检定。`,
    link: "/enterprise/instruments",
  }),
  expiry_overdue: (d) => ({
    title: "器具已超过有效期",
    text: `${namesLine(d.instrumentNames, d.count)}已超过检定有效期，请停止使用并尽快预约检定。`,
    link: "/enterprise/instruments",
  }),
  overdue_digest: (d) => ({
    title: "辖区超期未检日报",
    text: `${d.day}：${d.audience === "institution" ? "向本机构备案的" : "本辖区"}器具中新增超期未检 ${d.count} 台，请督促使用单位尽快送检。`,
    link: d.audience === "institution" ? "/institution/instruments" : "/regulator",
  }),
};

/** The message of an event. */
export function renderEvent(event: AnyEvent): Rendered {
  const template = TEMPLATES[event.kind] as (d: AnyEvent["data"]) => Rendered;
  return template(event.data);
}

/** The SMS text: signed with the platform's name, as SMS gateways require. */
export const smsText = (r: Rendered) => `【强检通】${r.text}`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The e-mail: a plain-text and an HTML part, both in Chinese, with the absolute link. */
export function emailParts(r: Rendered, baseUrl: string): { subject: string; text: string; html: string } {
  const url = new URL(r.link, baseUrl).toString();
  return {
    subject: `【强检通】${r.title}`,
    text: `${r.text}\n\n查看详情：${url}\n\n——强检通（强制检定工作计量器具管理平台），此邮件由系统自动发送，请勿回复。`,
    html:
      `<!doctype html><html lang="zh-CN"><body style="font-family:sans-serif;line-height:1.6">` +
      `<h2 style="font-size:18px">${escapeHtml(r.title)}</h2><p>${escapeHtml(r.text)}</p>` +
      `<p><a href="${escapeHtml(url)}">查看详情</a></p>` +
      `<p style="color:#666;font-size:12px">强检通（强制检定工作计量器具管理平台）· 此邮件由系统自动发送，请勿回复。</p></body></html>`,
  };
}
