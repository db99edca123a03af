import { describe, expect, it } from "vitest";
import { NOTIFY_EVENTS } from "@/lib/vocab/notify-event";
import { emailParts, namesLine, renderEvent, smsText, type AnyEvent } from "./templates";

/** One example of every event (issue 13 #3): the list must cover the vocabulary. */
const EXAMPLES: AnyEvent[] = [
  { kind: "registration_reviewed", data: { orgName: "广州示例公司", approved: true } },
  { kind: "filing_approved", data: { count: 2, instrumentNames: ["加油机", "压力表"], institutionName: "广州市计量院" } },
  { kind: "filing_assigned", data: { count: 1, instrumentNames: ["加油机"], fromInstitutionName: "广州市计量院" } },
  { kind: "filing_returned", data: { count: 1, instrumentNames: ["加油机"], institutionName: "广州市计量院", reason: "资料不全" } },
  { kind: "appointment_confirmed", data: { appointmentId: 7, appointmentNo: "YY202603010001", institutionName: "广州市计量院", date: "2026-03-05", timeSlot: "上午" } },
  { kind: "appointment_rescheduled", data: { appointmentId: 7, appointmentNo: "YY202603010001", institutionName: "广州市计量院", fromDate: "2026-03-05", toDate: "2026-03-09" } },
  { kind: "appointment_rejected", data: { appointmentId: 7, appointmentNo: "YY202603010001", institutionName: "广州市计量院", reason: "超出检定能力" } },
  { kind: "appointment_received", data: { appointmentId: 7, appointmentNo: "YY202603010001", institutionName: "广州市计量院", count: 3 } },
  { kind: "appointment_withdrawn", data: { appointmentId: 7, appointmentNo: "YY202603010001", institutionName: "广州市计量院", reason: "器具未送达" } },
  { kind: "result_issued", data: { appointmentId: 7, appointmentNo: "X20260301000001", institutionName: "白云所", passed: 11, failed: 1 } },
  { kind: "certificate_issued", data: { appointmentId: 7, instrumentId: 9, instrumentName: "加油机", certificateNo: "JD2026-0001", validUntil: "2027-03-04" } },
  { kind: "fee_due", data: { appointmentId: 7, appointmentNo: "YY202603010001", institutionName: "广州市计量院", amount: "120.00" } },
  { kind: "task_assigned", data: { taskTitle: "加油站专项检查", regulatorName: "广州市市场监督管理局", dueDate: "2026-04-01" } },
  { kind: "expiry_due", data: { count: 5, instrumentNames: ["a", "b", "c", "d"], earliest: "2026-03-31" } },
  { kind: "expiry_overdue", data: { count: 1, instrumentNames: ["压力表"] } },
  { kind: "overdue_digest", data: { count: 12, day: "2026-04-01", audience: "regulator" } },
];

describe("issue 13 #3 a Chinese template and a link for every event", () => {
  it("covers every event of the vocabulary", () => {
    expect(EXAMPLES.map((e) => e.kind).sort()).toEqual([...NOTIFY_EVENTS].sort());
  });
  it.each(EXAMPLES)("$kind renders a Chinese title, text and a platform link", (e) => {
    const r = renderEvent(e);
    expect(r.title).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.text).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.text).not.toMatch(/undefined|null|\[object/);
    expect(r.link).toMatch(/^\/[a-z]/);
  });
  it("puts the reason and the data into the text", () => {
    expect(renderEvent(EXAMPLES[3]!).text).toContain("资料不全");
    expect(renderEvent(EXAMPLES[4]!).text).toContain("2026-03-05 上午");
    expect(renderEvent(EXAMPLES[9]!).text).toContain("不合格");
    expect(smsText(renderEvent(EXAMPLES[0]!))).toMatch(/^【强检通】/);
  });
  it("names at most three instruments", () => {
    expect(namesLine(["a", "b", "c", "d"], 5)).toBe("a、b、c 等 5 台器具");
    expect(namesLine(["a"], 1)).toBe("a（1 台）");
  });
  it("e-mail has a text and an escaped HTML part with the absolute link", () => {
    const p = emailParts({ title: "标题<b>", text: "正文 & 更多", link: "/enterprise/filings" }, "https://qjt.example.cn");
    expect(p.subject).toBe("【强检通】标题<b>");
    expect(p.text).toContain("https://qjt.example.cn/enterprise/filings");
    expect(p.html).toContain("标题&lt;b&gt;");
    expect(p.html).toContain("正文 &amp; 更多");
    expect(p.html).toContain('href="https://qjt.example.cn/enterprise/filings"');
  });
});
