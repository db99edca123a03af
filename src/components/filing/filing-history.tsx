"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/lib/format";
import { FILING_ACTION_LABEL, FILING_STATE_LABEL, FILING_STATUS_LABEL, RETURN_REASON_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

/** Filing status and history of one instrument (issue 5 §9); usable from any page that shows an instrument. */
export function FilingHistoryDialog({ instrumentId, onOpenChange }: { instrumentId: number | null; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const { data, isPending, error } = useQuery(trpc.filing.history.queryOptions({ instrumentId: instrumentId ?? 0 }, { enabled: instrumentId !== null }));
  return (
    <Dialog open={instrumentId !== null} onOpenChange={onOpenChange}>
      <DialogContent className="[&>*]:min-w-0 max-h-[90vh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>备案记录</DialogTitle>
          <DialogDescription>{data ? `${data.instrument.name}（出厂编号 ${data.instrument.serialNo}）` : "器具的备案状态与处理经过"}</DialogDescription>
        </DialogHeader>
        {isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : error ? (
          <p className="text-sm text-destructive">{error.message}</p>
        ) : (
          <div className="space-y-4 text-sm">
            <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1">
              <dt className="text-muted-foreground">备案状态</dt>
              <dd>{FILING_STATUS_LABEL[data.instrument.filingStatus]}</dd>
              <dt className="text-muted-foreground">检定机构</dt>
              <dd>{data.instrument.institutionName ?? "—"}</dd>
              <dt className="text-muted-foreground">器具编码</dt>
              <dd className="font-mono">{data.instrument.instrumentCode ?? "—"}</dd>
              <dt className="text-muted-foreground">备案通过日</dt>
              <dd>{data.instrument.filingApprovedOn ?? "—"}</dd>
            </dl>
            {data.filings.length === 0 ? <p className="text-muted-foreground">尚未提交备案</p> : null}
            {data.filings.map((f) => (
              <section key={f.id} className="rounded-md border p-3">
                <div className="mb-2 flex flex-wrap items-center gap-2">
                  <Badge variant={f.state === "filed" ? "success" : f.state === "returned" ? "destructive" : "secondary"}>{FILING_STATE_LABEL[f.state]}</Badge>
                  <span>提交至 {f.institutionName}</span>
                  {f.assignedName ? <span className="text-muted-foreground">· 分派至 {f.assignedName}</span> : null}
                </div>
                <ol className="space-y-1">
                  {f.history.map((h, i) => (
                    <li key={i} className="flex flex-wrap gap-x-2">
                      <span className="text-muted-foreground tabular-nums">{formatDateTime(h.at)}</span>
                      <span>{FILING_ACTION_LABEL[h.action]}</span>
                      {h.by ? <span className="text-muted-foreground">· {h.by}</span> : null}
                      {h.to ? <span className="text-muted-foreground">→ {h.to}</span> : null}
                      {h.reason ? <span>· {RETURN_REASON_LABEL[h.reason as keyof typeof RETURN_REASON_LABEL] ?? h.reason}</span> : null}
                      {h.text ? <span className="text-muted-foreground">· {h.text}</span> : null}
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
