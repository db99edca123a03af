"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { CERTIFICATE_KIND_LABEL } from "@/lib/vocab";
import { useTRPC } from "@/trpc/react";
import type { DocumentRow } from "./document-table";

/** 重新出具 (R-RES-2): revoke with a reason (the old number stays, 已撤销) and issue a new document. */
export function ReissueDialog({ row, onClose }: { row: DocumentRow | null; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const reissue = useMutation(
    trpc.certificates.reissue.mutationOptions({
      onSuccess: (r) => {
        toast.success(`已重新出具，新编号 ${r.number}`);
        void qc.invalidateQueries({ queryKey: trpc.certificates.list.pathKey() });
        setReason("");
        onClose();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <Dialog open={!!row} onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>重新出具{row ? CERTIFICATE_KIND_LABEL[row.kind] : ""}</DialogTitle>
          <DialogDescription>
            原{row ? CERTIFICATE_KIND_LABEL[row.kind] : "证书"} {row?.number} 将被撤销（编号保留，显示为已撤销），并按器具和单位的当前信息出具一份新编号的文书。
          </DialogDescription>
        </DialogHeader>
        <form
          id="reissue-form"
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (row) reissue.mutate({ id: row.id, reason });
          }}
        >
          <Label htmlFor="reissue-reason">重新出具原因</Label>
          <Textarea id="reissue-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} placeholder="如：使用单位名称填写有误" />
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            取消
          </Button>
          <Button type="submit" form="reissue-form" disabled={reissue.isPending}>
            撤销并重新出具
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
