"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { RETURN_REASON_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

type Props = { filingIds: number[]; open: boolean; onOpenChange: (o: boolean) => void; onDone: () => void };

function useDone(onDone: () => void, message: string) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return {
    onSuccess: (r: { decided: number }) => {
      toast.success(`${message} ${r.decided} 条`);
      void qc.invalidateQueries({ queryKey: trpc.filing.pathKey() });
      void qc.invalidateQueries({ queryKey: trpc.jurisdiction.pathKey() });
      onDone();
    },
    onError: (e: { message: string }) => toast.error(e.message),
  };
}

/** R-FIL-2: only county institutions below the caller that can take every selected filing are offered. */
export function AssignDialog({ filingIds, open, onOpenChange, onDone }: Props) {
  const trpc = useTRPC();
  const targets = useQuery(trpc.filing.assignTargets.queryOptions({ filingIds }, { enabled: open && filingIds.length > 0 }));
  const [target, setTarget] = useState("");
  const assign = useMutation(trpc.filing.assign.mutationOptions(useDone(onDone, "已分派")));
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="[&>*]:min-w-0">
        <DialogHeader>
          <DialogTitle>分派给区县机构</DialogTitle>
          <DialogDescription>已选 {filingIds.length} 条备案。只列出本辖区内、器具所在区县且具备相应检定能力的法定计量技术机构。</DialogDescription>
        </DialogHeader>
        {targets.error ? <p className="text-sm text-destructive">{targets.error.message}</p> : null}
        {targets.data && targets.data.length === 0 ? <p className="text-sm text-muted-foreground">没有可分派的区县机构，请自行审核或退回。</p> : null}
        {targets.data && targets.data.length > 0 ? (
          <div className="space-y-1">
            <Label htmlFor="assign-target">区县机构</Label>
            <Select value={target} onValueChange={setTarget}>
              <SelectTrigger id="assign-target" className="w-full min-w-0">
                <SelectValue placeholder="请选择" />
              </SelectTrigger>
              <SelectContent>
                {targets.data.map((t) => (
                  <SelectItem key={t.id} value={String(t.id)}>
                    {t.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            取消
          </Button>
          <Button disabled={!target || assign.isPending} onClick={() => assign.mutate({ filingIds, countyInstitutionId: Number(target) })}>
            确认分派
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** R-FIL-2: return with 资料不完整 / 不属于强检目录 / 其他 (text required for 其他). */
export function ReturnDialog({ filingIds, open, onOpenChange, onDone }: Props) {
  const trpc = useTRPC();
  const [reason, setReason] = useState<keyof typeof RETURN_REASON_LABEL | "">("");
  const [text, setText] = useState("");
  const ret = useMutation(trpc.filing.return.mutationOptions(useDone(onDone, "已退回")));
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="[&>*]:min-w-0">
        <DialogHeader>
          <DialogTitle>退回备案</DialogTitle>
          <DialogDescription>已选 {filingIds.length} 条备案。“资料不完整”可由企业修改后重新提交；“不属于强检目录”企业只能删除。</DialogDescription>
        </DialogHeader>
        <div className="space-y-3">
          <div className="space-y-1">
            <Label htmlFor="return-reason">退回原因</Label>
            <Select value={reason} onValueChange={(v) => setReason(v as typeof reason)}>
              <SelectTrigger id="return-reason" className="w-full min-w-0">
                <SelectValue placeholder="请选择" />
              </SelectTrigger>
              <SelectContent>
                {(Object.keys(RETURN_REASON_LABEL) as (keyof typeof RETURN_REASON_LABEL)[]).map((r) => (
                  <SelectItem key={r} value={r}>
                    {RETURN_REASON_LABEL[r]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="return-text">退回说明{reason === "other" ? "（必填）" : "（选填）"}</Label>
            <Textarea id="return-text" value={text} onChange={(e) => setText(e.target.value)} maxLength={300} />
          </div>
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            取消
          </Button>
          <Button
            variant="destructive"
            disabled={!reason || (reason === "other" && !text.trim()) || ret.isPending}
            onClick={() => reason && ret.mutate({ filingIds, reason, text: text.trim() || undefined })}
          >
            确认退回
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** R-FIL-3: the county institution returns assigned filings to the city institution as "无能力". */
export function DeclineDialog({ filingIds, open, onOpenChange, onDone }: Props) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const decline = useMutation(trpc.filing.decline.mutationOptions(useDone(onDone, "已退回市级机构")));
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="[&>*]:min-w-0">
        <DialogHeader>
          <DialogTitle>无能力退回</DialogTitle>
          <DialogDescription>已选 {filingIds.length} 条备案，将退回分派它们的市级机构重新处理。</DialogDescription>
        </DialogHeader>
        <div className="space-y-1">
          <Label htmlFor="decline-text">说明（选填）</Label>
          <Textarea id="decline-text" value={text} onChange={(e) => setText(e.target.value)} maxLength={300} />
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            取消
          </Button>
          <Button variant="destructive" disabled={decline.isPending} onClick={() => decline.mutate({ filingIds, text: text.trim() || undefined })}>
            确认退回
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
