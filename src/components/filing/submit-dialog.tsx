"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { LEVEL_LABEL, METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

/**
 * R-FIL-1: for each selected instrument, the institutions that cover its location with the capability,
 * the platform's recommendation preselected. Instruments going to different institutions become separate
 * submissions; the dialog says so before submitting.
 */
export function SubmitDialog({ instrumentIds, open, onOpenChange, onDone }: { instrumentIds: number[]; open: boolean; onOpenChange: (o: boolean) => void; onDone: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const options = useQuery(trpc.filing.options.queryOptions({ instrumentIds }, { enabled: open && instrumentIds.length > 0 }));
  // The platform's recommendation is the default; what the user picks overrides it.
  const [picked, setChoice] = useState<Record<number, number>>({});
  const choice = useMemo<Record<number, number>>(
    () => ({ ...Object.fromEntries((options.data ?? []).filter((o) => o.recommendedId).map((o) => [o.instrumentId, o.recommendedId!])), ...picked }),
    [options.data, picked],
  );
  const submit = useMutation(
    trpc.filing.submit.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.institutions > 1 ? `已分别向 ${r.institutions} 个机构提交 ${r.created} 台器具的备案` : `已提交 ${r.created} 台器具的备案`);
        void qc.invalidateQueries({ queryKey: trpc.filing.pathKey() });
        onDone();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const rows = options.data ?? [];
  const blocked = rows.filter((r) => r.blocker || r.institutions.length === 0);
  const ready = rows.filter((r) => !r.blocker && r.institutions.length > 0);
  const groups = useMemo(() => new Set(ready.map((r) => choice[r.instrumentId]).filter(Boolean)).size, [ready, choice]);
  const allChosen = ready.length > 0 && ready.every((r) => choice[r.instrumentId]);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="[&>*]:min-w-0 max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>选择备案机构</DialogTitle>
          <DialogDescription>平台按器具所在地和机构的检定能力列出可选机构，已为每台器具预选推荐机构（标“推荐”）。</DialogDescription>
        </DialogHeader>
        {options.isPending ? (
          <Skeleton className="h-32 w-full" />
        ) : options.error ? (
          <p className="text-sm text-destructive">{options.error.message}</p>
        ) : (
          <div className="space-y-3">
            {ready.map((r) => (
              <div key={r.instrumentId} className="grid min-w-0 gap-2 rounded-md border p-3 [&>*]:min-w-0 sm:grid-cols-[1fr_18rem] sm:items-center">
                <div className="min-w-0">
                  <div className="font-medium">{r.name}</div>
                  <div className="text-xs text-muted-foreground">
                    出厂编号 {r.serialNo} · {r.kindName} · {METHOD_LABEL[r.method]}
                  </div>
                </div>
                <Select value={choice[r.instrumentId] ? String(choice[r.instrumentId]) : ""} onValueChange={(v) => setChoice((c) => ({ ...c, [r.instrumentId]: Number(v) }))}>
                  <SelectTrigger className="w-full min-w-0" aria-label={`${r.serialNo} 的备案机构`}>
                    <SelectValue placeholder="请选择机构" />
                  </SelectTrigger>
                  <SelectContent>
                    {r.institutions.map((i) => (
                      <SelectItem key={i.id} value={String(i.id)}>
                        {i.id === r.recommendedId ? "【推荐】" : ""}
                        {i.name}
                        {i.level ? `（${i.institutionKind === "authorised" ? "授权" : LEVEL_LABEL[i.level]}）` : ""}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </div>
            ))}
            {blocked.length ? (
              <div className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
                <p className="font-medium">以下器具暂不能备案，不会提交：</p>
                <ul className="mt-1 list-disc space-y-1 pl-5">
                  {blocked.map((b) => (
                    <li key={b.instrumentId}>
                      {b.name}（{b.serialNo}）：{b.blocker ?? "所在地没有具备该器具检定能力的机构，请联系当地计量技术机构"}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {groups > 1 ? (
              <p className="text-sm">
                <Badge variant="warning">提示</Badge> 所选器具分属 {groups} 个机构，将按机构分别提交。
              </p>
            ) : null}
          </div>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            取消
          </Button>
          <Button
            disabled={!allChosen || submit.isPending}
            onClick={() => submit.mutate({ items: ready.map((r) => ({ instrumentId: r.instrumentId, institutionId: choice[r.instrumentId]! })) })}
          >
            提交备案{ready.length ? `（${ready.length} 台）` : ""}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
