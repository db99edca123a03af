"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatDateTime } from "@/lib/format";
import { FILING_STATE_LABEL, RETURN_REASON_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { FilingHistoryDialog } from "./filing-history";
import { ResubmitDialog, type ReturnedRow } from "./resubmit-dialog";

/** 已提交 / 被退回 lists of the enterprise (R-FIL-6). */
export function MyFilings({ tab }: { tab: "submitted" | "returned" }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const pages = useKeysetPages();
  const [history, setHistory] = useState<number | null>(null);
  const [fix, setFix] = useState<ReturnedRow | null>(null);
  const [remove, setRemove] = useState<{ instrumentId: number; label: string } | null>(null);
  const { data, isPending, isFetching } = useQuery({ ...trpc.filing.mine.queryOptions({ tab, limit: 50, cursor: pages.cursor }), placeholderData: keepPreviousData });
  const del = useMutation(
    trpc.filing.deleteReturned.mutationOptions({
      onSuccess: () => {
        toast.success("器具已删除");
        setRemove(null);
        void qc.invalidateQueries({ queryKey: trpc.filing.pathKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const items = data?.items ?? [];

  return (
    <div className="space-y-3">
      <ListState pending={isPending} empty={items.length === 0} emptyTitle={tab === "returned" ? "没有被退回的备案" : "还没有提交过备案"}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>器具名称</TableHead>
              <TableHead>出厂编号</TableHead>
              <TableHead className="hidden md:table-cell">种别</TableHead>
              <TableHead className="hidden md:table-cell">备案机构</TableHead>
              {tab === "returned" ? <TableHead>退回原因</TableHead> : <TableHead>状态</TableHead>}
              {tab === "returned" ? null : <TableHead>器具编码</TableHead>}
              <TableHead className="hidden md:table-cell">提交时间</TableHead>
              <TableHead className="text-right">操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((f) => (
              <TableRow key={f.id} data-testid={`filing-row-${f.serialNo}`}>
                <TableCell className="font-medium">{f.name}</TableCell>
                <TableCell className="font-mono">{f.serialNo}</TableCell>
                <TableCell className="hidden md:table-cell">{f.kindName}</TableCell>
                <TableCell className="hidden max-w-56 truncate md:table-cell">{f.institutionName}</TableCell>
                {tab === "returned" ? (
                  <TableCell className="max-w-72 whitespace-normal">
                    <Badge variant="destructive">{f.returnReason ? RETURN_REASON_LABEL[f.returnReason] : "—"}</Badge>
                    {f.returnText ? <div className="mt-1 text-sm text-muted-foreground">{f.returnText}</div> : null}
                  </TableCell>
                ) : (
                  <TableCell>
                    <Badge variant={f.state === "filed" ? "success" : "secondary"}>{FILING_STATE_LABEL[f.state]}</Badge>
                  </TableCell>
                )}
                {tab === "returned" ? null : <TableCell className="font-mono text-xs">{f.instrumentCode ?? "—"}</TableCell>}
                <TableCell className="hidden whitespace-nowrap md:table-cell">{formatDateTime(f.submittedAt)}</TableCell>
                <TableCell className="space-x-2 text-right whitespace-nowrap">
                  <Button size="sm" variant="ghost" onClick={() => setHistory(f.instrumentId)}>
                    记录
                  </Button>
                  {tab === "returned" && f.returnReason !== "not_in_catalogue" ? (
                    <Button size="sm" onClick={() => setFix({ ...f, instrumentId: f.instrumentId })}>
                      修改并重新提交
                    </Button>
                  ) : null}
                  {tab === "returned" ? (
                    <Button size="sm" variant="outline" onClick={() => setRemove({ instrumentId: f.instrumentId, label: `${f.name}（${f.serialNo}）` })}>
                      删除
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
      <FilingHistoryDialog instrumentId={history} onOpenChange={(o) => (o ? null : setHistory(null))} />
      <ResubmitDialog row={fix} onClose={() => setFix(null)} />
      <AlertDialog open={!!remove} onOpenChange={(o) => (o ? null : setRemove(null))}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>删除器具</AlertDialogTitle>
            <AlertDialogDescription>将从台账中删除 {remove?.label}，删除后不能恢复。</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>取消</AlertDialogCancel>
            <AlertDialogAction onClick={() => remove && del.mutate({ instrumentId: remove.instrumentId })}>确认删除</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
