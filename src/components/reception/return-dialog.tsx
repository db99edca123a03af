"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { RETURN_REASON_MAX } from "@/lib/schemas/reception";
import { useTRPC } from "@/trpc/react";

/** 退单 with a reason (R-APT-6): says what follows — the filing is revoked and the enterprise sees it in 被退回. */
export function ReturnDialog({ appointmentId, itemIds, names, onClose, onDone }: { appointmentId: number; itemIds: number[]; names: string[]; onClose: () => void; onDone: () => void }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ret = useMutation(
    trpc.reception.returnItems.mutationOptions({
      onSuccess: (r) => {
        toast.success(`已退单 ${r.returned} 台器具`);
        onDone();
      },
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>退单</DialogTitle>
          <DialogDescription>退单后器具的备案状态将被撤销，企业可在“被退回”中看到退单原因，修改后重新备案。</DialogDescription>
        </DialogHeader>
        <ul className="max-h-32 list-disc overflow-y-auto pl-5 text-sm">
          {names.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setError("请填写退单原因");
              return;
            }
            ret.mutate({ appointmentId, itemIds, reason });
          }}
        >
          <Label htmlFor="return-reason">退单原因</Label>
          <Textarea id="return-reason" value={reason} maxLength={RETURN_REASON_MAX} onChange={(e) => setReason(e.target.value)} placeholder="如：铭牌缺失，无法核对出厂编号" />
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" variant="destructive" disabled={ret.isPending}>
              确认退单
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
