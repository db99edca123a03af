"use client";

import { Badge } from "@/components/ui/badge";
import { sheetDay } from "@/lib/appointment-sheet";
import { APPOINTMENT_STATE_LABEL, METHOD_LABEL, type AppointmentState } from "@/lib/vocab";
import type { AppointmentData } from "./use-appointment";

export const STATE_VARIANT: Record<AppointmentState, "default" | "secondary" | "outline" | "warning" | "success" | "destructive"> = {
  draft: "outline",
  submitted: "secondary",
  confirmed: "success",
  rescheduled: "warning",
  rejected: "destructive",
  received: "default",
  completed: "success",
  cancelled: "outline",
};

export function AppointmentStateBadge({ state }: { state: AppointmentState }) {
  return (
    <Badge data-testid="appointment-state" variant={STATE_VARIANT[state]}>
      {APPOINTMENT_STATE_LABEL[state]}
    </Badge>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="break-words">{children || "—"}</dd>
    </div>
  );
}

/** Number, state, both parties, method, date and slot, contact (issue 10 items 3–5). */
export function AppointmentHeader({ a, actions }: { a: AppointmentData; actions?: React.ReactNode }) {
  return (
    <section aria-label="预约信息" className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold">
            预约单 <span className="font-mono text-base break-all">{a.number ?? "（待提交）"}</span>
          </h1>
          <div className="mt-1 flex flex-wrap gap-2">
            <AppointmentStateBadge state={a.state} />
            <Badge variant="outline">{METHOD_LABEL[a.method]}</Badge>
          </div>
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="预约日期">
          <span data-testid="appointment-day">{sheetDay(a.day)}</span>
        </Field>
        <Field label="预约时段">
          {a.slotLabel} {a.slotStart}–{a.slotEnd}
        </Field>
        <Field label="检定方式">{METHOD_LABEL[a.method]}</Field>
        <Field label="检定机构">{a.institutionName}</Field>
        <Field label="机构地址">{a.institutionAddress}</Field>
        <Field label="机构电话">{a.institutionPhone}</Field>
        <Field label="申请单位">{a.enterpriseName}</Field>
        <Field label="联系人">{[a.contactName, a.contactPhone].filter(Boolean).join("　")}</Field>
        {a.method === "on_site" ? <Field label="检定地点">{a.siteAddress ?? a.enterpriseAddress}</Field> : null}
        {a.remark ? <Field label="备注">{a.remark}</Field> : null}
      </dl>
    </section>
  );
}
