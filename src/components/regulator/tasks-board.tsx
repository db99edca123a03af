"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { APPOINTMENT_STATE_LABEL } from "@/lib/vocab";
import { FILING_STATE_LABEL, METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

type Kind = "filing" | "appointment";
type Moving = { kind: Kind; id: number; label: string; holder: string };

/** 检定任务分配 (issue 12 item 5): pending filings and open appointments, moved to a capable institution. */
export function TasksBoard() {
  const [kind, setKind] = useState<Kind>("filing");
  const [moving, setMoving] = useState<Moving | null>(null);
  return (
    <div className="space-y-3">
      <Tabs value={kind} onValueChange={(v) => setKind(v as Kind)}>
        <TabsList>
          <TabsTrigger value="filing">待处理备案</TabsTrigger>
          <TabsTrigger value="appointment">未接收预约</TabsTrigger>
        </TabsList>
      </Tabs>
      {kind === "filing" ? <FilingTasks onMove={setMoving} /> : <AppointmentTasks onMove={setMoving} />}
      {moving ? <MoveDialog moving={moving} onClose={() => setMoving(null)} /> : null}
    </div>
  );
}

function useSearch() {
  const pages = useKeysetPages();
  const [q, setQ] = useState("");
  const [query, setQuery] = useState<string | undefined>();
  const form = (
    <form
      className="flex gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        setQuery(q.trim() || undefined);
        pages.reset();
      }}
    >
      <Input aria-label="搜索任务" placeholder="器具、出厂编号、预约单号或企业名称" value={q} maxLength={40} onChange={(e) => setQ(e.target.value)} className="max-w-md" />
      <Button type="submit" variant="outline">
        查询
      </Button>
    </form>
  );
  return { pages, query, form };
}

function FilingTasks({ onMove }: { onMove: (m: Moving) => void }) {
  const trpc = useTRPC();
  const { pages, query, form } = useSearch();
  const { data, isPending, isFetching } = useQuery({ ...trpc.regulatorTask.filings.queryOptions({ q: query, limit: 50, cursor: pages.cursor }), placeholderData: keepPreviousData });
  const items = data?.items ?? [];
  return (
    <div className="space-y-3">
      {form}
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="没有待处理的备案">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>器具</TableHead>
              <TableHead className="hidden md:table-cell">使用单位</TableHead>
              <TableHead>当前机构</TableHead>
              <TableHead className="hidden sm:table-cell">状态</TableHead>
              <TableHead className="text-right">操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((f) => {
              const holder = f.assignedName ?? f.institutionName;
              return (
                <TableRow key={f.id} data-testid="task-filing">
                  <TableCell>
                    <div className="font-medium">{f.instrumentName}</div>
                    <div className="font-mono text-xs text-muted-foreground">{f.serialNo}</div>
                  </TableCell>
                  <TableCell className="hidden max-w-56 whitespace-normal md:table-cell">{f.enterpriseName}</TableCell>
                  <TableCell className="max-w-48 whitespace-normal">{holder}</TableCell>
                  <TableCell className="hidden sm:table-cell">{FILING_STATE_LABEL[f.state]}</TableCell>
                  <TableCell className="text-right">
                    <Button size="sm" variant="outline" onClick={() => onMove({ kind: "filing", id: f.id, label: `${f.instrumentName}（出厂编号 ${f.serialNo}）的备案`, holder })}>
                      转派
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
    </div>
  );
}

function AppointmentTasks({ onMove }: { onMove: (m: Moving) => void }) {
  const trpc = useTRPC();
  const { pages, query, form } = useSearch();
  const { data, isPending, isFetching } = useQuery({ ...trpc.regulatorTask.appointments.queryOptions({ q: query, limit: 50, cursor: pages.cursor }), placeholderData: keepPreviousData });
  const items = data?.items ?? [];
  return (
    <div className="space-y-3">
      {form}
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="没有未接收的预约">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>预约单</TableHead>
              <TableHead className="hidden md:table-cell">使用单位</TableHead>
              <TableHead>当前机构</TableHead>
              <TableHead className="hidden sm:table-cell">日期</TableHead>
              <TableHead className="hidden sm:table-cell">状态</TableHead>
              <TableHead className="text-right">操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((a) => (
              <TableRow key={a.id} data-testid="task-appointment">
                <TableCell>
                  <div className="font-mono">{a.number ?? "—"}</div>
                  <div className="text-xs text-muted-foreground">
                    {METHOD_LABEL[a.method]} · {a.instrumentCount} 台
                  </div>
                </TableCell>
                <TableCell className="hidden max-w-56 whitespace-normal md:table-cell">{a.enterpriseName}</TableCell>
                <TableCell className="max-w-48 whitespace-normal">{a.institutionName}</TableCell>
                <TableCell className="hidden whitespace-nowrap sm:table-cell">
                  {a.day} {a.slotLabel}
                </TableCell>
                <TableCell className="hidden sm:table-cell">{APPOINTMENT_STATE_LABEL[a.state]}</TableCell>
                <TableCell className="text-right">
                  <Button size="sm" variant="outline" onClick={() => onMove({ kind: "appointment", id: a.id, label: `预约单 ${a.number ?? ""}`, holder: a.institutionName })}>
                    转派
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
    </div>
  );
}

function MoveDialog({ moving, onClose }: { moving: Moving; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const targets = useQuery(trpc.regulatorTask.targets.queryOptions({ kind: moving.kind, id: moving.id }));
  const [target, setTarget] = useState<string>("");
  const [reason, setReason] = useState("");
  const move = useMutation(
    trpc.regulatorTask.move.mutationOptions({
      onSuccess: () => {
        toast.success(moving.kind === "filing" ? "已转派，新机构将在备案审核中处理" : "已转派，预约单回到“已提交”，待新机构确认或改期");
        qc.invalidateQueries({ queryKey: trpc.regulatorTask.pathKey() });
        onClose();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent className="[&>*]:min-w-0">
        <DialogHeader>
          <DialogTitle>转派检定任务</DialogTitle>
          <DialogDescription>
            将{moving.label}从“{moving.holder}”转给本辖区内具备该器具检定能力的机构。企业和两家机构都能在记录中看到转派原因。
          </DialogDescription>
        </DialogHeader>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate({ kind: moving.kind, id: moving.id, targetInstitutionId: Number(target), reason });
          }}
        >
          <div className="space-y-1">
            <Label htmlFor="task-target">转派给</Label>
            <Select value={target} onValueChange={setTarget}>
              <SelectTrigger id="task-target" className="w-full">
                <SelectValue placeholder={targets.isPending ? "正在查找有能力的机构…" : targets.data?.length ? "请选择机构" : "本辖区没有其他具备能力的机构"} />
              </SelectTrigger>
              <SelectContent>
                {(targets.data ?? []).map((t) => (
                  <SelectItem key={t.id} value={String(t.id)}>
                    {t.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="task-reason">转派原因</Label>
            <Textarea id="task-reason" rows={3} maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} required />
          </div>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" disabled={!target || !reason.trim() || move.isPending}>
              确认转派
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
