"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { APPOINTMENT_ITEM_STATE_LABEL } from "./labels";

/**
 * 取消器具 (seed 004 4.3, R-APT-4): the instruments of an open appointment not yet received can be cancelled;
 * their places go back to the slot, and the appointment is 已取消 once nothing is left.
 */
export function CancelItemsDialog({ appointmentId, onClose }: { appointmentId: number | null; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [picked, setPicked] = useState<number[]>([]);
  const [reason, setReason] = useState("");
  const open = appointmentId !== null;
  const detail = useQuery(trpc.booking.get.queryOptions({ id: appointmentId ?? 0 }, { enabled: open }));
  const cancel = useMutation(
    trpc.booking.cancelItems.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.state === "cancelled" ? `已取消 ${r.cancelled} 台器具，预约单已取消` : `已取消 ${r.cancelled} 台器具，名额已释放`);
        void qc.invalidateQueries({ queryKey: trpc.booking.pathKey() });
        close();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const close = () => {
    setPicked([]);
    setReason("");
    onClose();
  };
  const items = detail.data?.items ?? [];
  const cancellable = items.filter((i) => i.state === "booked");
  const all = cancellable.length > 0 && picked.length === cancellable.length;

  return (
    <Dialog open={open} onOpenChange={(o) => (o ? null : close())}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>取消预约器具</DialogTitle>
          <DialogDescription>只能取消机构尚未接收的器具。取消后名额释放，器具可重新预约；全部取消时预约单变为“已取消”。</DialogDescription>
        </DialogHeader>
        {detail.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <div className="space-y-2">
            {items.map((i) => (
              <label key={i.id} className="flex items-center gap-2 rounded-md border p-2 text-sm">
                <Checkbox
                  aria-label={`取消 ${i.serialNo}`}
                  disabled={i.state !== "booked"}
                  checked={picked.includes(i.id)}
                  onCheckedChange={(on) => setPicked((p) => (on === true ? [...p, i.id] : p.filter((x) => x !== i.id)))}
                />
                <span className="min-w-0 flex-1">
                  {i.name} <span className="font-mono text-xs text-muted-foreground">{i.serialNo}</span>
                </span>
                {i.state !== "booked" ? <span className="text-xs text-muted-foreground">{APPOINTMENT_ITEM_STATE_LABEL[i.state]}</span> : null}
              </label>
            ))}
            <div className="space-y-1">
              <Label htmlFor="cancel-reason">取消原因（可选）</Label>
              <Textarea id="cancel-reason" maxLength={100} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：该器具已停用" />
            </div>
            {picked.length ? (
              <p className="text-sm font-medium text-destructive">
                将取消 {picked.length} 台器具{all ? "，该预约单将变为“已取消”" : ""}。
              </p>
            ) : null}
          </div>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={close}>
            返回
          </Button>
          <Button
            variant="destructive"
            disabled={picked.length === 0 || cancel.isPending}
            onClick={() => appointmentId && cancel.mutate({ appointmentId, itemIds: picked, reason: reason.trim() || null })}
          >
            确认取消{picked.length ? `（${picked.length} 台）` : ""}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
