"use client";

import { useQuery } from "@tanstack/react-query";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import type { Method } from "@/lib/vocab";
import { useTRPC } from "@/trpc/react";
import { dayLabel, METHOD_LABEL } from "./labels";

export type GroupValues = { day: string; slotStart: string; contactName: string; contactPhone: string; siteAddress: string; remark: string };
export type Group = { key: string; institutionId: number; institutionName: string; method: Method; instruments: { id: number; name: string; serialNo: string }[] };

/**
 * One appointment of the booking form: date and slot from the institution's open slots with the places left
 * (R-APT-5: only future working days are offered; a full slot is shown as 已约满 and cannot be picked), contact,
 * on-site address for 现场检定, remark.
 */
export function GroupForm({
  index,
  group,
  values,
  onChange,
  onRemoveInstrument,
}: {
  index: number;
  group: Group;
  values: GroupValues;
  onChange: (v: GroupValues) => void;
  onRemoveInstrument?: (id: number) => void;
}) {
  const trpc = useTRPC();
  const slots = useQuery(trpc.appointment.openSlots.queryOptions({ institutionId: group.institutionId, days: 31 }));
  const days = slots.data?.days ?? [];
  const day = days.find((d) => d.day === values.day);
  const n = group.instruments.length;
  const set = (patch: Partial<GroupValues>) => onChange({ ...values, ...patch });
  const id = (f: string) => `g${index}-${f}`;
  const dayFull = (d: (typeof days)[number]) => d.slots.every((s) => s.remaining[group.method] <= 0);

  return (
    <section className="space-y-3 rounded-lg border p-3 sm:p-4" aria-label={`预约单 ${index + 1}`} data-testid={`booking-group-${index}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">
          预约单 {index + 1}：{group.institutionName}
        </h3>
        <span className="text-sm text-muted-foreground">
          {METHOD_LABEL[group.method]} · {n} 台器具
        </span>
      </div>
      <ul className="flex max-h-32 flex-wrap gap-1 overflow-y-auto text-xs">
        {group.instruments.map((i) => (
          <li key={i.id} className="rounded border bg-muted/40 px-2 py-0.5">
            {i.name} <span className="font-mono">{i.serialNo}</span>
            {onRemoveInstrument && n > 1 ? (
              <button type="button" className="ml-1 text-destructive" aria-label={`移出 ${i.serialNo}`} onClick={() => onRemoveInstrument(i.id)}>
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {slots.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : slots.error ? (
        <p className="text-sm text-destructive">{slots.error.message}</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <Label htmlFor={id("day")}>预约日期</Label>
            <Select value={values.day} onValueChange={(v) => set({ day: v, slotStart: "" })}>
              <SelectTrigger id={id("day")} className="w-full">
                <SelectValue placeholder={days.length ? "请选择日期" : "近期没有可预约的工作日"} />
              </SelectTrigger>
              <SelectContent>
                {days.map((d) => (
                  <SelectItem key={d.day} value={d.day} disabled={dayFull(d)}>
                    {dayLabel(d.day)}
                    {d.workingWeekend ? " 调休上班" : ""}
                    {dayFull(d) ? " 已约满" : ""}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="space-y-1">
            <Label htmlFor={id("slot")}>时段</Label>
            <Select value={values.slotStart} onValueChange={(v) => set({ slotStart: v })} disabled={!day}>
              <SelectTrigger id={id("slot")} className="w-full">
                <SelectValue placeholder="请先选择日期" />
              </SelectTrigger>
              <SelectContent>
                {day?.slots.map((s) => {
                  const left = s.remaining[group.method];
                  return (
                    <SelectItem key={s.startTime} value={s.startTime} disabled={left <= 0}>
                      {s.label} {s.startTime}–{s.endTime} {left <= 0 ? "已约满" : `剩余 ${left} 台`}
                      {left > 0 && left < n ? "（不足本单）" : ""}
                    </SelectItem>
                  );
                })}
              </SelectContent>
            </Select>
          </div>
          <div className="space-y-1">
            <Label htmlFor={id("contact")}>联系人</Label>
            <Input id={id("contact")} maxLength={20} value={values.contactName} onChange={(e) => set({ contactName: e.target.value })} />
          </div>
          <div className="space-y-1">
            <Label htmlFor={id("phone")}>联系电话</Label>
            <Input id={id("phone")} inputMode="tel" maxLength={20} value={values.contactPhone} onChange={(e) => set({ contactPhone: e.target.value })} />
          </div>
          {group.method === "on_site" ? (
            <div className="space-y-1 sm:col-span-2">
              <Label htmlFor={id("site")}>现场检定地点</Label>
              <Input id={id("site")} maxLength={100} value={values.siteAddress} onChange={(e) => set({ siteAddress: e.target.value })} />
            </div>
          ) : null}
          <div className="space-y-1 sm:col-span-2">
            <Label htmlFor={id("remark")}>备注（可选）</Label>
            <Textarea id={id("remark")} maxLength={200} rows={2} value={values.remark} onChange={(e) => set({ remark: e.target.value })} />
          </div>
        </div>
      )}
      {slots.data?.yearsWithoutData.length ? (
        <p className="text-xs text-muted-foreground">注意：{slots.data.yearsWithoutData.join("、")} 年的法定节假日安排尚未录入，暂按周末休息排除日期。</p>
      ) : null}
    </section>
  );
}
