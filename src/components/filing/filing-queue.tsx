"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatDateTime } from "@/lib/format";
import { FILING_STATE_LABEL, METHOD_LABEL, RETURN_REASON_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { AssignDialog, DeclineDialog, ReturnDialog } from "./decision-dialogs";
import { FilingHistoryDialog } from "./filing-history";

type State = keyof typeof FILING_STATE_LABEL;

/**
 * 备案审核 (view "review": filings submitted to this institution) and 备案处理 (view "handle": filings a city
 * institution assigned to this county institution). Select rows, then decide them all at once.
 */
export function FilingQueue({ view, canAssign }: { view: "review" | "handle"; canAssign: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const pages = useKeysetPages();
  const defaultState: State = view === "review" ? "pending" : "assigned";
  const [state, setState] = useState<State | "all">(defaultState);
  const [q, setQ] = useState("");
  const [query, setQuery] = useState<string | undefined>();
  const [selected, setSelected] = useState<number[]>([]);
  const [dialog, setDialog] = useState<"assign" | "return" | "decline" | null>(null);
  const [history, setHistory] = useState<number | null>(null);
  const { data, isPending, isFetching } = useQuery({
    ...trpc.filing.queue.queryOptions({ view, state: state === "all" ? undefined : state, q: query, limit: 50, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const done = (verb: string) => ({
    onSuccess: (r: { decided: number }) => {
      toast.success(`${verb} ${r.decided} 条`);
      setSelected([]);
      void qc.invalidateQueries({ queryKey: trpc.filing.pathKey() });
      void qc.invalidateQueries({ queryKey: trpc.jurisdiction.pathKey() });
    },
    onError: (e: { message: string }) => toast.error(e.message),
  });
  const approve = useMutation(trpc.filing.approve.mutationOptions(done("已审核通过")));
  const confirm = useMutation(trpc.filing.confirm.mutationOptions(done("已确认受理")));
  const items = data?.items ?? [];
  const actionable = items.filter((i) => i.state === defaultState);
  const prefix = `queue-${view}`;

  return (
    <div className="space-y-3">
      <form
        className="grid gap-3 rounded-lg border p-3 md:grid-cols-[12rem_1fr_auto]"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim() || undefined);
          setSelected([]);
          pages.reset();
        }}
      >
        <div className="space-y-1">
          <Label htmlFor={`${prefix}-state`}>状态</Label>
          <Select
            value={state}
            onValueChange={(v) => {
              setState(v as State | "all");
              setSelected([]);
              pages.reset();
            }}
          >
            <SelectTrigger id={`${prefix}-state`} className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">全部</SelectItem>
              {(Object.keys(FILING_STATE_LABEL) as State[]).map((s) => (
                <SelectItem key={s} value={s}>
                  {FILING_STATE_LABEL[s]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${prefix}-q`}>关键字</Label>
          <Input id={`${prefix}-q`} placeholder="器具名称、出厂编号或企业名称" value={q} onChange={(e) => setQ(e.target.value)} maxLength={40} />
        </div>
        <div className="flex items-end">
          <Button type="submit" variant="outline">
            查询
          </Button>
        </div>
      </form>

      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="批量处理">
        <span className="text-sm text-muted-foreground">已选 {selected.length} 条</span>
        {view === "review" ? (
          <>
            <Button size="sm" disabled={!selected.length || approve.isPending} onClick={() => approve.mutate({ filingIds: selected })}>
              审核通过
            </Button>
            {canAssign ? (
              <Button size="sm" variant="secondary" disabled={!selected.length} onClick={() => setDialog("assign")}>
                分派
              </Button>
            ) : null}
            <Button size="sm" variant="outline" disabled={!selected.length} onClick={() => setDialog("return")}>
              退回
            </Button>
          </>
        ) : (
          <>
            <Button size="sm" disabled={!selected.length || confirm.isPending} onClick={() => confirm.mutate({ filingIds: selected })}>
              确认受理
            </Button>
            <Button size="sm" variant="outline" disabled={!selected.length} onClick={() => setDialog("decline")}>
              无能力退回
            </Button>
          </>
        )}
      </div>

      <ListState pending={isPending} empty={items.length === 0} emptyTitle={view === "review" ? "没有符合条件的备案" : "没有分派给本机构的备案"}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">
                <Checkbox
                  aria-label="全选"
                  checked={actionable.length > 0 && actionable.every((i) => selected.includes(i.id))}
                  onCheckedChange={(on) => setSelected(on ? actionable.map((i) => i.id) : [])}
                />
              </TableHead>
              <TableHead>器具名称</TableHead>
              <TableHead>出厂编号</TableHead>
              <TableHead>状态</TableHead>
              <TableHead className="hidden md:table-cell">种别 / 方式</TableHead>
              <TableHead className="hidden md:table-cell">申请单位</TableHead>
              <TableHead className="hidden md:table-cell">提交时间</TableHead>
              <TableHead className="text-right">记录</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((f) => (
              <TableRow key={f.id} data-testid={`queue-row-${f.serialNo}`}>
                <TableCell>
                  <Checkbox
                    aria-label={`选择 ${f.serialNo}`}
                    disabled={f.state !== defaultState}
                    checked={selected.includes(f.id)}
                    onCheckedChange={(on) => setSelected((s) => (on ? [...s, f.id] : s.filter((x) => x !== f.id)))}
                  />
                </TableCell>
                <TableCell className="font-medium">
                  {f.name}
                  <div className="max-w-40 truncate text-xs font-normal text-muted-foreground md:hidden">{f.enterpriseName}</div>
                </TableCell>
                <TableCell className="font-mono">{f.serialNo}</TableCell>
                <TableCell className="max-w-64 min-w-32 whitespace-normal">
                  <Badge variant={f.state === "filed" ? "success" : f.state === "returned" ? "destructive" : "secondary"}>{FILING_STATE_LABEL[f.state]}</Badge>
                  {f.state === "assigned" && view === "review" && f.assignedName ? <div className="text-xs text-muted-foreground">分派至 {f.assignedName}</div> : null}
                  {view === "handle" ? <div className="text-xs text-muted-foreground">来自 {f.reviewerName}</div> : null}
                  {f.history.at(-1)?.action === "decline" && f.state === "pending" ? <div className="text-xs text-warning-foreground">区县机构无能力退回</div> : null}
                  {f.returnReason ? <div className="text-xs text-muted-foreground">{RETURN_REASON_LABEL[f.returnReason]}{f.returnText ? `：${f.returnText}` : ""}</div> : null}
                  {f.instrumentCode ? <div className="font-mono text-xs">{f.instrumentCode}</div> : null}
                </TableCell>
                <TableCell className="hidden md:table-cell">
                  {f.kindName} · {METHOD_LABEL[f.method]}
                </TableCell>
                <TableCell className="hidden max-w-56 truncate md:table-cell">{f.enterpriseName}</TableCell>
                <TableCell className="hidden whitespace-nowrap md:table-cell">{formatDateTime(f.submittedAt)}</TableCell>
                <TableCell className="text-right">
                  <Button size="sm" variant="ghost" onClick={() => setHistory(f.instrumentId)}>
                    查看
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
      <AssignDialog filingIds={selected} open={dialog === "assign"} onOpenChange={(o) => setDialog(o ? "assign" : null)} onDone={() => { setDialog(null); setSelected([]); }} />
      <ReturnDialog filingIds={selected} open={dialog === "return"} onOpenChange={(o) => setDialog(o ? "return" : null)} onDone={() => { setDialog(null); setSelected([]); }} />
      <DeclineDialog filingIds={selected} open={dialog === "decline"} onOpenChange={(o) => setDialog(o ? "decline" : null)} onDone={() => { setDialog(null); setSelected([]); }} />
      <FilingHistoryDialog instrumentId={history} onOpenChange={(o) => (o ? null : setHistory(null))} />
    </div>
  );
}
