"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { SelectFilter } from "@/components/list/select-filter";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { APPOINTMENT_STATES, type AppointmentState } from "@/lib/vocab";
import { useTRPC } from "@/trpc/react";
import { CancelItemsDialog } from "./cancel-items-dialog";
import { APPOINTMENT_STATE_LABEL, CANCELLABLE_STATES, dayLabel, METHOD_LABEL, STATE_BADGE } from "./labels";

const STATE_OPTIONS = APPOINTMENT_STATES.map((s) => [s, APPOINTMENT_STATE_LABEL[s]] as [AppointmentState, string]);

/**
 * 我的预约 (all states, with a state filter) or 被拒绝 (`rejected`: the reason and 重新预约). Rows open the
 * appointment's detail page; drafts are edited, submitted or deleted here; open appointments can cancel
 * instruments not yet received (seed 004 4.3).
 */
export function MyAppointments({ rejected = false, initialState }: { rejected?: boolean; initialState?: string | null }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const pages = useKeysetPages();
  const [state, setState] = useState<AppointmentState | undefined>(APPOINTMENT_STATES.find((s) => s === initialState));
  const [remove, setRemove] = useState<{ id: number; label: string } | null>(null);
  const [cancelFor, setCancelFor] = useState<number | null>(null);
  const filter = rejected ? "rejected" : state;
  const { data, isPending, isFetching } = useQuery({
    ...trpc.booking.list.queryOptions({ limit: 20, cursor: pages.cursor, state: filter }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.booking.pathKey() });
  const submit = useMutation(
    trpc.booking.submit.mutationOptions({
      onSuccess: (r) => {
        toast.success(`已提交，预约单号 ${r.number}`);
        void refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const del = useMutation(
    trpc.booking.remove.mutationOptions({
      onSuccess: () => {
        toast.success("已删除待提交的预约单");
        setRemove(null);
        void refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const items = data?.items ?? [];

  return (
    <div className="space-y-3">
      {rejected ? null : (
        <div className="grid gap-2 sm:grid-cols-[12rem]">
          <SelectFilter
            id="appointment-state"
            label="状态"
            value={state}
            options={STATE_OPTIONS}
            onChange={(v) => {
              setState(v);
              pages.reset();
            }}
          />
        </div>
      )}
      <ListState
        pending={isPending}
        empty={items.length === 0}
        emptyTitle={rejected ? "没有被拒绝的预约" : "还没有预约单"}
        emptyDescription={rejected ? "机构拒绝的预约会出现在这里，并写明原因" : "点击“新建预约”选择器具，或用“预约全部须检器具”一次准备好"}
      >
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>预约单</TableHead>
              <TableHead className="hidden md:table-cell">检定机构</TableHead>
              <TableHead className="hidden md:table-cell">预约时间</TableHead>
              <TableHead className="hidden sm:table-cell">器具</TableHead>
              <TableHead>{rejected ? "拒绝原因" : "状态"}</TableHead>
              <TableHead className="text-right">操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((a) => (
              <TableRow key={a.id} data-testid={`appointment-row-${a.id}`}>
                <TableCell className="align-top whitespace-normal">
                  <Link className="font-medium text-primary hover:underline" href={`/enterprise/appointments/${a.id}`}>
                    {a.number ?? "待提交（未编号）"}
                  </Link>
                  <div className="text-xs text-muted-foreground">{METHOD_LABEL[a.method]}</div>
                  <div className="text-xs text-muted-foreground md:hidden">
                    {a.institutionName}
                    <br />
                    {dayLabel(a.day)} {a.slotLabel} {a.slotStart}–{a.slotEnd} · {a.instrumentCount} 台
                  </div>
                </TableCell>
                <TableCell className="hidden max-w-56 align-top whitespace-normal md:table-cell">{a.institutionName}</TableCell>
                <TableCell className="hidden align-top md:table-cell">
                  {dayLabel(a.day)}
                  <div className="text-xs text-muted-foreground">
                    {a.slotLabel} {a.slotStart}–{a.slotEnd}
                  </div>
                </TableCell>
                <TableCell className="hidden align-top sm:table-cell">
                  {a.instrumentCount} 台
                  {a.openCount !== a.instrumentCount && a.state !== "rejected" && a.state !== "completed" ? (
                    <div className="text-xs text-muted-foreground">在单 {a.openCount} 台</div>
                  ) : null}
                </TableCell>
                <TableCell className="max-w-64 align-top whitespace-normal">
                  {rejected ? <span className="text-sm">{a.rejectReason ?? "未说明原因"}</span> : <Badge variant={STATE_BADGE[a.state]}>{APPOINTMENT_STATE_LABEL[a.state]}</Badge>}
                  {a.state === "rescheduled" && a.rescheduleReason ? <div className="mt-1 text-xs text-muted-foreground">改期原因：{a.rescheduleReason}</div> : null}
                </TableCell>
                <TableCell className="align-top">
                  <div className="flex flex-wrap justify-end gap-1">
                    {a.state === "draft" ? (
                      <>
                        <Button size="sm" variant="outline" asChild>
                          <Link href={`/enterprise/appointments/new?draft=${a.id}`}>编辑</Link>
                        </Button>
                        <Button size="sm" disabled={submit.isPending} onClick={() => submit.mutate({ id: a.id })}>
                          提交
                        </Button>
                        <Button size="sm" variant="ghost" className="text-destructive" onClick={() => setRemove({ id: a.id, label: `${a.institutionName} ${a.day} ${a.slotLabel}` })}>
                          删除
                        </Button>
                      </>
                    ) : null}
                    {CANCELLABLE_STATES.includes(a.state) ? (
                      <Button size="sm" variant="outline" onClick={() => setCancelFor(a.id)}>
                        取消器具
                      </Button>
                    ) : null}
                    {a.state === "rejected" ? (
                      <Button size="sm" onClick={() => router.push(`/enterprise/appointments/new?rebook=${a.id}`)}>
                        重新预约
                      </Button>
                    ) : null}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
      <AlertDialog open={!!remove} onOpenChange={(o) => (o ? null : setRemove(null))}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>删除待提交的预约单</AlertDialogTitle>
            <AlertDialogDescription>将删除 {remove?.label} 的预约单，其中的器具可以重新预约。删除后不能恢复。</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>取消</AlertDialogCancel>
            <AlertDialogAction onClick={() => remove && del.mutate({ id: remove.id })}>确认删除</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <CancelItemsDialog appointmentId={cancelFor} onClose={() => setCancelFor(null)} />
    </div>
  );
}
