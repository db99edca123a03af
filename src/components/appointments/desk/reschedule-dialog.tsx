"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { MissingYearsNotice, WEEKDAY_LABEL, selectClass } from "@/components/appointments/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { useDeskRefresh } from "./use-desk-mutation";

/**
 * 修改预约时间: a new open day and slot with the places really left, and the reason the enterprise will read.
 * A slot without room for this appointment needs the explicit “超出容量仍改约”; the server checks again.
 */
export function RescheduleDialog({ id }: { id: number }) {
  const trpc = useTRPC();
  const refresh = useDeskRefresh();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState("");
  const [slotId, setSlotId] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choices = useQuery({ ...trpc.appointmentDesk.openSlots.queryOptions({ id }), enabled: open });
  const days = choices.data?.days ?? [];
  const chosenDay = days.find((d) => d.day === day);
  const slot = chosenDay?.slots.find((s) => s.id === slotId);
  const places = choices.data?.places ?? 0;
  const short = slot ? slot.remaining < places : false;
  const move = useMutation(
    trpc.appointmentDesk.reschedule.mutationOptions({
      onSuccess: () => {
        toast.success("已修改预约时间");
        setOpen(false);
        refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(null))}>
      <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
        修改预约时间
      </Button>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>修改预约时间</DialogTitle>
          <DialogDescription>本预约单占用 {places} 个名额，将从原时段移到新时段；企业会看到新时间和原因。</DialogDescription>
        </DialogHeader>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            if (!day || slotId == null) return setError("请选择新的日期和时段");
            move.mutate({ id, day, slotId, reason, allowOverCapacity: over });
          }}
        >
          <MissingYearsNotice years={choices.data?.yearsWithoutData ?? []} />
          <div className="space-y-1">
            <Label htmlFor="reschedule-day">新日期</Label>
            <select id="reschedule-day" className={selectClass} value={day} onChange={(e) => (setDay(e.target.value), setSlotId(null), setOver(false))}>
              <option value="">{choices.isPending ? "正在读取可预约日期…" : "请选择日期"}</option>
              {days.map((d) => (
                <option key={d.day} value={d.day}>
                  {d.day} {WEEKDAY_LABEL[d.weekday]}
                </option>
              ))}
            </select>
          </div>
          {chosenDay ? (
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">新时段</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {chosenDay.slots.map((s) => {
                  const current = choices.data?.current.day === day && choices.data.current.slotId === s.id;
                  return (
                    <label key={s.id} className="flex cursor-pointer items-center gap-2 rounded-md border p-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
                      <input type="radio" name="reschedule-slot" value={s.id} checked={slotId === s.id} disabled={current} onChange={() => (setSlotId(s.id), setOver(false))} />
                      <span>
                        {s.label} {s.startTime}–{s.endTime}
                        <span className={`block text-xs ${s.remaining < places ? "text-destructive" : "text-muted-foreground"}`}>
                          {current ? "当前时段" : `剩余 ${s.remaining} / ${s.capacity}`}
                        </span>
                      </span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          ) : null}
          {short ? (
            <div className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
              <Checkbox id="reschedule-over" checked={over} onCheckedChange={(v) => setOver(v === true)} className="mt-0.5" />
              <Label htmlFor="reschedule-over" className="font-normal">
                超出容量仍改约（该时段剩余 {slot?.remaining} 个名额，不足 {places} 个）
              </Label>
            </div>
          ) : null}
          <div className="space-y-1">
            <Label htmlFor="reschedule-reason">改期原因</Label>
            <Textarea id="reschedule-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} rows={3} placeholder="如：检定车辆检修，改至次日上午" />
          </div>
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button type="submit" disabled={move.isPending}>
              确认改期
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
