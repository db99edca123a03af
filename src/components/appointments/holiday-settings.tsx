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
import { CALENDAR_DAY_KIND_LABEL, holidayAddInput, type CalendarDayKind } from "@/lib/schemas/appointments";
import { useTRPC } from "@/trpc/react";
import { ConfirmDialog, MissingYearsNotice, selectClass, WEEKDAY_LABEL } from "./confirm-dialog";

type Pending = { op: "add"; day: string; kind: CalendarDayKind; name: string } | { op: "remove"; day: string; name: string; kind: CalendarDayKind };
const weekday = (day: string) => WEEKDAY_LABEL[new Date(`${day}T00:00:00Z`).getUTCDay()];

/** 节假日设置 (administrators): the platform calendar by year, add or remove a day after confirming. */
export function HolidaySettings({ initialYear }: { initialYear: number }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [year, setYear] = useState(initialYear);
  const [form, setForm] = useState<{ day: string; kind: CalendarDayKind; name: string }>({ day: "", kind: "holiday", name: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const list = useQuery(trpc.holiday.list.queryOptions({ year }));
  const refresh = () => void qc.invalidateQueries({ queryKey: trpc.holiday.list.queryKey() });
  const onError = (e: { message: string }) => toast.error(e.message);
  const add = useMutation(
    trpc.holiday.add.mutationOptions({
      onSuccess: (row) => {
        toast.success(`已添加 ${row.day} ${row.name}`);
        setForm({ day: "", kind: form.kind, name: "" });
        refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(trpc.holiday.remove.mutationOptions({ onSuccess: (r) => (toast.success(`已删除 ${r.day}`), refresh()), onError }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = holidayAddInput.safeParse(form);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setPending({ op: "add", ...parsed.data });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="outline" size="sm" onClick={() => setYear(year - 1)} aria-label="上一年">
          ‹
        </Button>
        <span className="min-w-20 text-center text-lg font-medium" aria-live="polite">
          {year} 年
        </span>
        <Button variant="outline" size="sm" onClick={() => setYear(year + 1)} aria-label="下一年">
          ›
        </Button>
      </div>
      {list.data && !list.data.hasData ? <MissingYearsNotice years={[year]} /> : null}

      <form className="grid gap-3 rounded-lg border p-3 sm:grid-cols-[10rem_10rem_1fr_auto] sm:items-end" onSubmit={submit} noValidate>
        <div className="space-y-1">
          <Label htmlFor="holiday-day">日期</Label>
          <Input id="holiday-day" type="date" value={form.day} onChange={(e) => setForm({ ...form, day: e.target.value })} aria-invalid={errors.day ? true : undefined} />
          {errors.day ? <p className="text-sm text-destructive">{errors.day}</p> : null}
        </div>
        <div className="space-y-1">
          <Label htmlFor="holiday-kind">类型</Label>
          <select id="holiday-kind" className={selectClass} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as CalendarDayKind })}>
            <option value="holiday">{CALENDAR_DAY_KIND_LABEL.holiday}</option>
            <option value="workday">{CALENDAR_DAY_KIND_LABEL.workday}（调休的周末）</option>
          </select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="holiday-name">名称</Label>
          <Input id="holiday-name" placeholder="如：国庆节" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-invalid={errors.name ? true : undefined} />
          {errors.name ? <p className="text-sm text-destructive">{errors.name}</p> : null}
        </div>
        <Button type="submit" disabled={add.isPending}>
          添加
        </Button>
      </form>

      {list.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : list.error ? (
        <p className="text-sm text-destructive">{list.error.message}</p>
      ) : list.data.days.length === 0 ? (
        <EmptyState title={`${year} 年尚无节假日数据`} description="请按国务院办公厅发布的放假安排逐日添加法定节假日和调休上班日。" />
      ) : (
        <ul className="divide-y rounded-lg border" aria-label={`${year} 年节假日`}>
          {list.data.days.map((d) => (
            <li key={d.day} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <span className="w-24 font-mono tabular-nums">{d.day}</span>
              <span className="w-8 text-muted-foreground">{weekday(d.day)}</span>
              <Badge variant={d.kind === "holiday" ? "secondary" : "outline"}>{CALENDAR_DAY_KIND_LABEL[d.kind]}</Badge>
              <span className="min-w-0 flex-1 whitespace-nowrap">{d.name}</span>
              {d.source === "admin" ? <span className="text-xs text-muted-foreground">管理员添加</span> : null}
              <Button size="sm" variant="ghost" aria-label={`删除 ${d.day} ${d.name}`} onClick={() => setPending({ op: "remove", day: d.day, name: d.name, kind: d.kind })}>
                删除
              </Button>
            </li>
          ))}
        </ul>
      )}

      <ConfirmDialog
        open={!!pending}
        title={pending?.op === "add" ? "添加节假日" : "删除节假日"}
        description={
          pending
            ? `${pending.op === "add" ? "添加" : "删除"} ${pending.day}（${weekday(pending.day)}）${pending.name} · ${CALENDAR_DAY_KIND_LABEL[pending.kind]}？此后的预约日期按修改后的日历计算。`
            : ""
        }
        action={pending?.op === "add" ? "确认添加" : "确认删除"}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending?.op === "add") add.mutate({ day: pending.day, kind: pending.kind, name: pending.name });
          else if (pending) remove.mutate({ day: pending.day });
          setPending(null);
        }}
      />
    </div>
  );
}
