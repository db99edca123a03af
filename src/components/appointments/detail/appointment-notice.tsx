"use client";

import { sheetDay } from "@/lib/appointment-sheet";
import type { AppointmentData } from "./use-appointment";

/**
 * What the institution decided and why, in plain words for the enterprise (issue 10 item 3): a new time with
 * its reason, or the rejection with its reason and whether the filings were returned.
 */
export function AppointmentNotice({ a }: { a: AppointmentData }) {
  const forEnterprise = a.viewer === "enterprise";
  if (a.state === "rejected") {
    return (
      <div role="alert" data-testid="appointment-notice" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
        <p className="font-medium text-destructive">{forEnterprise ? "机构已拒绝本预约" : "本预约已拒绝"}</p>
        <p>原因：{a.rejectReason}</p>
        {a.rejectCancelledFilings ? (
          <p className="mt-1">器具的备案状态已取消，已退回到“备案管理 → 被退回”，请修改后重新提交备案。</p>
        ) : forEnterprise ? (
          <p className="mt-1">器具已退出本预约，可重新预约。</p>
        ) : null}
      </div>
    );
  }
  if (a.rescheduleReason && (a.state === "rescheduled" || a.state === "received" || a.state === "completed")) {
    return (
      <div role="status" data-testid="appointment-notice" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        <p className="font-medium">
          {forEnterprise ? "机构已将预约改至" : "预约时间已改至"} {sheetDay(a.day)} {a.slotLabel} {a.slotStart}–{a.slotEnd}
        </p>
        <p>原因：{a.rescheduleReason}</p>
      </div>
    );
  }
  return null;
}
