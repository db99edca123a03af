"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import { formatYuan } from "@/lib/money";
import { useTRPC } from "@/trpc/react";
import type { DocumentRow } from "./document-table";

/**
 * 费用 (R-RES-4): the institution records or changes a repair or other fee on the result (元, two decimals),
 * removes it, or marks it paid. Until it is paid the enterprise cannot download the document.
 */
export function FeeDialog({ row, onClose }: { row: DocumentRow | null; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [shown, setShown] = useState<DocumentRow | null>(null);
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  if (row !== shown) {
    setShown(row);
    setAmount(row?.feeCents ? formatYuan(row.feeCents) : "");
    setNote(row?.feeNote ?? "");
  }
  const done = (message: string) => {
    toast.success(message);
    void qc.invalidateQueries({ queryKey: trpc.certificates.list.pathKey() });
    onClose();
  };
  const setFee = useMutation(trpc.certificates.setFee.mutationOptions({ onSuccess: (r) => done(r.feeCents ? "费用已登记" : "费用已取消"), onError: (e) => toast.error(e.message) }));
  const paid = useMutation(trpc.certificates.markFeePaid.mutationOptions({ onSuccess: () => done("已确认缴费，企业现在可以下载证书"), onError: (e) => toast.error(e.message) }));
  const busy = setFee.isPending || paid.isPending;

  return (
    <Dialog open={!!row} onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>检定费用</DialogTitle>
          <DialogDescription>
            {row?.number}：登记维修费或其他费用后，企业须待本机构确认缴费后才能下载证书。
          </DialogDescription>
        </DialogHeader>
        {row?.fee === "paid" ? (
          <p className="rounded-md bg-muted p-3 text-sm" data-testid="fee-paid">
            已缴费 {formatYuan(row.feeCents!)} 元{row.feeNote ? `（${row.feeNote}）` : ""}，确认时间 {formatDateTime(row.feePaidAt)}。已缴的费用不能再修改。
          </p>
        ) : (
          <form
            id="fee-form"
            className="grid gap-3 sm:grid-cols-[10rem_1fr]"
            onSubmit={(e) => {
              e.preventDefault();
              if (row) setFee.mutate({ resultId: row.resultId, amount: amount.trim() ? amount : null, note });
            }}
          >
            <div className="space-y-1">
              <Label htmlFor="fee-amount">金额（元）</Label>
              <Input id="fee-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="如 80.00" maxLength={10} />
            </div>
            <div className="space-y-1">
              <Label htmlFor="fee-note">费用说明</Label>
              <Input id="fee-note" value={note} onChange={(e) => setNote(e.target.value)} placeholder="如：维修费" maxLength={100} />
            </div>
            <p className="text-xs text-muted-foreground sm:col-span-2">金额留空并保存即取消费用。</p>
          </form>
        )}
        <DialogFooter className="gap-2">
          <Button variant="outline" onClick={onClose}>
            关闭
          </Button>
          {row?.fee === "paid" ? null : (
            <>
              <Button type="submit" form="fee-form" variant="secondary" disabled={busy}>
                保存费用
              </Button>
              {row?.fee === "unpaid" ? (
                <Button disabled={busy} onClick={() => paid.mutate({ resultId: row.resultId })}>
                  确认已缴费
                </Button>
              ) : null}
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
