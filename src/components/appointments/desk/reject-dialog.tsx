"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { useDeskRefresh } from "./use-desk-mutation";

/** 拒绝 with a reason; 取消备案状态 also returns the instruments' filings to 被退回 (R-APT-4). */
export function RejectDialog({ id, number }: { id: number; number: string | null }) {
  const trpc = useTRPC();
  const refresh = useDeskRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [cancelFilings, setCancelFilings] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reject = useMutation(
    trpc.appointmentDesk.reject.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.filingsReturned ? `已拒绝预约，${r.filingsReturned} 台器具的备案已退回` : "已拒绝预约");
        setOpen(false);
        refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(null))}>
      <Button size="sm" variant="destructive" onClick={() => setOpen(true)}>
        拒绝
      </Button>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>拒绝预约</DialogTitle>
          <DialogDescription>预约单 {number}：器具将退出本预约，企业会看到拒绝原因。</DialogDescription>
        </DialogHeader>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            reject.mutate({ id, reason, cancelFilings });
          }}
        >
          <div className="space-y-1">
            <Label htmlFor="reject-reason">拒绝原因</Label>
            <Textarea id="reject-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} rows={3} placeholder="如：该日检定人员外出，请改约其他日期" />
          </div>
          <div className="flex items-start gap-2">
            <Checkbox id="reject-cancel-filings" checked={cancelFilings} onCheckedChange={(v) => setCancelFilings(v === true)} className="mt-0.5" />
            <div className="space-y-0.5">
              <Label htmlFor="reject-cancel-filings">取消备案状态</Label>
              <p className="text-xs text-muted-foreground">器具的备案退回企业（被退回），企业须修改后重新提交备案。</p>
            </div>
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
            <Button type="submit" variant="destructive" disabled={reject.isPending}>
              确认拒绝
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
