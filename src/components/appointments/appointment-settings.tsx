"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { closedDayInput, MAX_SLOTS_PER_DAY, saveSlotsInput } from "@/lib/schemas/appointments";
import { METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { ConfirmDialog, MissingYearsNotice, WEEKDAY_LABEL } from "./confirm-dialog";

type SlotRow = { label: string; startTime: string; endTime: string; capacitySendIn: string; capacityOnSite: string };
const weekday = (day: string) => WEEKDAY_LABEL[new Date(`${day}T00:00:00Z`).getUTCDay()];

/** 预约设置 of the caller's institution (issue 10 #1): time slots with capacities, closed days, and a preview. */
export function AppointmentSettings() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.appointmentSettings.get.queryOptions());
  if (settings.isPending) return <Skeleton className="h-64 w-full" />;
  if (settings.error) return <p className="text-sm text-destructive">{settings.error.message}</p>;
  const s = settings.data;
  return (
    <div className="space-y-6">
      <MissingYearsNotice years={s.yearsWithoutData} />
      <SlotsEditor key={JSON.stringify(s.slots)} initial={s.slots} isDefault={s.isDefault} />
      <ClosedDays today={s.today} days={s.closedDays} />
      <OpenDaysPreview institutionId={s.institutionId} />
    </div>
  );
}

function SlotsEditor({ initial, isDefault }: { initial: { label: string; startTime: string; endTime: string; capacitySendIn: number; capacityOnSite: number }[]; isDefault: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  // Remounted (key) when the server's copy changes, so the form starts from what was saved.
  const [rows, setRows] = useState<SlotRow[]>(() => initial.map((s) => ({ ...s, capacitySendIn: String(s.capacitySendIn), capacityOnSite: String(s.capacityOnSite) })));
  const [errors, setErrors] = useState<{ row: Record<number, string[]>; form: string[] }>({ row: {}, form: [] });
  const save = useMutation(
    trpc.appointmentSettings.saveSlots.mutationOptions({
      onSuccess: () => {
        toast.success("时段已保存");
        void qc.invalidateQueries({ queryKey: trpc.appointmentSettings.get.queryKey() });
        void qc.invalidateQueries({ queryKey: trpc.appointment.openSlots.queryKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const set = (i: number, patch: Partial<SlotRow>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = saveSlotsInput.safeParse({ slots: rows });
    if (!parsed.success) {
      const row: Record<number, string[]> = {};
      const form: string[] = [];
      for (const issue of parsed.error.issues) {
        const i = issue.path[1];
        if (typeof i === "number") (row[i] ??= []).push(issue.message);
        else form.push(issue.message);
      }
      setErrors({ row, form });
      return;
    }
    setErrors({ row: {}, form: [] });
    save.mutate(parsed.data);
  };

  return (
    <section aria-labelledby="slots-title" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="slots-title" className="text-lg font-medium">
          每日预约时段
        </h2>
        {isDefault ? <Badge variant="outline">默认设置，尚未保存</Badge> : null}
      </div>
      <p className="text-sm text-muted-foreground">每个工作日按以下时段受理预约；容量按器具台（件）数计，送检与现场检定分别计算。时段不能重叠。</p>
      <form className="space-y-3" onSubmit={submit} noValidate>
        {rows.map((r, i) => {
          const id = (f: string) => `slot-${i}-${f}`;
          const rowErrors = errors.row[i];
          return (
            <fieldset key={i} className="rounded-lg border p-3" aria-invalid={rowErrors ? true : undefined} data-testid={`slot-${i}`}>
              <legend className="sr-only">时段 {i + 1}</legend>
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-[8rem_7rem_7rem_1fr_1fr_auto] sm:items-end">
                <div className="col-span-2 space-y-1 sm:col-span-1">
                  <Label htmlFor={id("label")}>时段名称</Label>
                  <Input id={id("label")} value={r.label} onChange={(e) => set(i, { label: e.target.value })} />
                </div>
                <div className="space-y-1">
                  <Label htmlFor={id("start")}>开始</Label>
                  <Input id={id("start")} type="time" value={r.startTime} onChange={(e) => set(i, { startTime: e.target.value })} />
                </div>
                <div className="space-y-1">
                  <Label htmlFor={id("end")}>结束</Label>
                  <Input id={id("end")} type="time" value={r.endTime} onChange={(e) => set(i, { endTime: e.target.value })} />
                </div>
                <div className="space-y-1">
                  <Label htmlFor={id("send")}>{METHOD_LABEL.send_in}容量（台）</Label>
                  <Input id={id("send")} inputMode="numeric" value={r.capacitySendIn} onChange={(e) => set(i, { capacitySendIn: e.target.value })} />
                </div>
                <div className="space-y-1">
                  <Label htmlFor={id("onsite")}>{METHOD_LABEL.on_site}容量（台）</Label>
                  <Input id={id("onsite")} inputMode="numeric" value={r.capacityOnSite} onChange={(e) => set(i, { capacityOnSite: e.target.value })} />
                </div>
                <Button
                  type="button"
                  variant="ghost"
                  className="col-span-2 sm:col-span-1"
                  disabled={rows.length <= 1}
                  onClick={() => setRows(rows.filter((_, k) => k !== i))}
                  aria-label={`删除时段 ${r.label || i + 1}`}
                >
                  删除
                </Button>
              </div>
              {rowErrors?.map((m) => (
                <p key={m} className="mt-2 text-sm text-destructive" role="alert">
                  {m}
                </p>
              ))}
            </fieldset>
          );
        })}
        {errors.form.map((m) => (
          <p key={m} className="text-sm text-destructive" role="alert">
            {m}
          </p>
        ))}
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="outline"
            disabled={rows.length >= MAX_SLOTS_PER_DAY}
            onClick={() => setRows([...rows, { label: "", startTime: "", endTime: "", capacitySendIn: "10", capacityOnSite: "5" }])}
          >
            添加时段
          </Button>
          <Button type="submit" disabled={save.isPending}>
            保存时段
          </Button>
        </div>
      </form>
    </section>
  );
}

function ClosedDays({ today, days }: { today: string; days: { id: number; day: string; reason: string }[] }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [form, setForm] = useState({ day: "", reason: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<{ op: "add"; day: string; reason: string } | { op: "remove"; id: number; day: string; reason: string } | null>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.appointmentSettings.get.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.appointment.openSlots.queryKey() });
  };
  const onError = (e: { message: string }) => toast.error(e.message);
  const add = useMutation(
    trpc.appointmentSettings.addClosedDay.mutationOptions({ onSuccess: (r) => (toast.success(`${r.day} 已设为停止受理`), setForm({ day: "", reason: "" }), refresh()), onError }),
  );
  const remove = useMutation(trpc.appointmentSettings.removeClosedDay.mutationOptions({ onSuccess: () => (toast.success("已恢复受理"), refresh()), onError }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = closedDayInput.safeParse(form);
    const next: Record<string, string> = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    if (parsed.success && parsed.data.day < today) next.day = "只能为今天及以后的日期设置停止受理";
    setErrors(next);
    if (parsed.success && !next.day) setPending({ op: "add", ...parsed.data });
  };

  return (
    <section aria-labelledby="closed-title" className="space-y-3">
      <h2 id="closed-title" className="text-lg font-medium">
        停止受理日
      </h2>
      <p className="text-sm text-muted-foreground">法定节假日和周末已按平台节假日表自动排除（调休上班日照常受理）；此处设置本机构另外不受理预约的日期。</p>
      <form className="grid gap-3 rounded-lg border p-3 sm:grid-cols-[11rem_1fr_auto] sm:items-end" onSubmit={submit} noValidate>
        <div className="space-y-1">
          <Label htmlFor="closed-day">日期</Label>
          <Input id="closed-day" type="date" min={today} value={form.day} onChange={(e) => setForm({ ...form, day: e.target.value })} aria-invalid={errors.day ? true : undefined} />
          {errors.day ? <p className="text-sm text-destructive">{errors.day}</p> : null}
        </div>
        <div className="space-y-1">
          <Label htmlFor="closed-reason">原因</Label>
          <Input id="closed-reason" placeholder="如：标准装置检修" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} aria-invalid={errors.reason ? true : undefined} />
          {errors.reason ? <p className="text-sm text-destructive">{errors.reason}</p> : null}
        </div>
        <Button type="submit" disabled={add.isPending}>
          添加停止受理日
        </Button>
      </form>
      {days.length === 0 ? (
        <EmptyState title="没有设置停止受理日" />
      ) : (
        <ul className="divide-y rounded-lg border" aria-label="停止受理日">
          {days.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <span className="w-24 font-mono tabular-nums">{d.day}</span>
              <span className="w-8 text-muted-foreground">{weekday(d.day)}</span>
              <span className="flex-1">{d.reason}</span>
              <Button size="sm" variant="ghost" aria-label={`删除停止受理日 ${d.day}`} onClick={() => setPending({ op: "remove", ...d })}>
                删除
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={!!pending}
        title={pending?.op === "add" ? "设置停止受理日" : "恢复受理"}
        description={pending ? (pending.op === "add" ? `${pending.day}（${weekday(pending.day)}）停止受理预约，原因：${pending.reason}？` : `${pending.day} 恢复受理预约？`) : ""}
        action={pending?.op === "add" ? "确认设置" : "确认恢复"}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending?.op === "add") add.mutate({ day: pending.day, reason: pending.reason });
          else if (pending) remove.mutate({ id: pending.id });
          setPending(null);
        }}
      />
    </section>
  );
}

/** What enterprises will see: the next bookable days (R-APT-5) with today's settings. */
function OpenDaysPreview({ institutionId }: { institutionId: number }) {
  const trpc = useTRPC();
  const open = useQuery(trpc.appointment.openSlots.queryOptions({ institutionId, days: 21 }));
  return (
    <section aria-labelledby="preview-title" className="space-y-3">
      <h2 id="preview-title" className="text-lg font-medium">
        近三周可预约日期
      </h2>
      {!open.data ? (
        <Skeleton className="h-20 w-full" />
      ) : (
        <>
          <MissingYearsNotice years={open.data.yearsWithoutData} />
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-6" aria-label="可预约日期">
            {open.data.days.map((d) => (
              <li key={d.day} className="rounded-md border px-2 py-1 text-sm">
                <span className="font-mono tabular-nums">{d.day.slice(5)}</span> {WEEKDAY_LABEL[d.weekday]}
                {d.workingWeekend ? <span className="ml-1 text-xs text-amber-700">调休上班</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
