"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { dayLabel, METHOD_LABEL } from "./labels";

/**
 * 预约全部须检器具: previews how the ledger's due and overdue instruments (R-BKT-1/2) would be grouped into
 * appointments (R-APT-2) in the earliest slots with room, then prepares them as drafts for review and submission.
 */
export function PrepareDueButton({ variant = "outline" }: { variant?: "outline" | "default" }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const preview = useMutation(trpc.booking.prepareDue.mutationOptions({ onSuccess: () => setOpen(true), onError: (e) => toast.error(e.message) }));
  const prepare = useMutation(
    trpc.booking.prepareDue.mutationOptions({
      onSuccess: (r) => {
        toast.success(`已生成 ${r.created.length} 张待提交的预约单，请核对后提交`);
        setOpen(false);
        void qc.invalidateQueries({ queryKey: trpc.booking.pathKey() });
        router.push("/enterprise/appointments?state=draft");
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const plan = preview.data;
  return (
    <>
      <Button variant={variant} disabled={preview.isPending} onClick={() => preview.mutate({ preview: true })}>
        <CalendarCheck aria-hidden /> 预约全部须检器具
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-lg">
          <DialogHeader>
            <DialogTitle>预约全部须检器具</DialogTitle>
            <DialogDescription>
              台账中须检和超期未检、可以预约的 {plan?.instruments ?? 0} 台器具，按检定机构和检定方式分组，将生成 {plan?.created.length ?? 0} 张预约单，已预填最早有名额的时段。生成后为“待提交”，请核对后提交。
            </DialogDescription>
          </DialogHeader>
          <ul className="space-y-2 text-sm">
            {plan?.created.map((c, i) => (
              <li key={i} className="rounded-md border p-2">
                <div className="font-medium">{c.institutionName}</div>
                <div className="text-muted-foreground">
                  {METHOD_LABEL[c.method as "send_in" | "on_site"]} · {dayLabel(c.day)} {c.slotLabel} · {c.count} 台
                </div>
              </li>
            ))}
          </ul>
          {plan?.unplaced ? <p className="text-sm text-destructive">另有 {plan.unplaced} 台在近两个月内没有空余名额，未生成预约单。</p> : null}
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button disabled={prepare.isPending} onClick={() => prepare.mutate({ preview: false })}>
              生成 {plan?.created.length ?? 0} 张预约单
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
