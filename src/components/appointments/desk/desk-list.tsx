"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { AppointmentStateBadge } from "@/components/appointments/detail/appointment-header";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { SelectFilter } from "@/components/list/select-filter";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatDateTime } from "@/lib/format";
import { APPOINTMENT_STATE_LABEL, METHOD_LABEL, type AppointmentState, type Method } from "@/lib/vocab";
import { useTRPC } from "@/trpc/react";

type DeskState = Exclude<AppointmentState, "draft">;
const STATES = (Object.keys(APPOINTMENT_STATE_LABEL) as AppointmentState[]).filter((s): s is DeskState => s !== "draft").map((s) => [s, APPOINTMENT_STATE_LABEL[s]] as [DeskState, string]);
const METHODS: [Method, string][] = [
  ["send_in", `${METHOD_LABEL.send_in}（S）`],
  ["on_site", `${METHOD_LABEL.on_site}（X）`],
];
type Filters = { method?: Method; state?: DeskState; fromDay?: string; toDay?: string; q?: string };

/** 预约确认 list (issue 10 item 3): filters 检定方式 S/X, state, date range and number; a row opens the detail. */
export function DeskList() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [draft, setDraft] = useState<Filters>({ state: "submitted" });
  const [filters, setFilters] = useState<Filters>({ state: "submitted" });
  const { data, isPending, isFetching, error } = useQuery({
    ...trpc.appointmentDesk.list.queryOptions({ ...filters, limit: 50, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const items = data?.items ?? [];
  const apply = (f: Filters) => (setFilters(f), pages.reset());
  const set = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <div className="space-y-3">
      <form
        aria-label="筛选预约单"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ ...draft, q: draft.q?.trim() || undefined });
        }}
      >
        <SelectFilter id="desk-state" label="预约状态" value={draft.state} options={STATES} onChange={(state) => (set({ state }), apply({ ...filters, state }))} />
        <SelectFilter id="desk-method" label="检定方式" value={draft.method} options={METHODS} onChange={(method) => (set({ method }), apply({ ...filters, method }))} />
        <div className="space-y-1">
          <Label htmlFor="desk-from">预约日期从</Label>
          <Input id="desk-from" type="date" value={draft.fromDay ?? ""} onChange={(e) => set({ fromDay: e.target.value || undefined })} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="desk-to">至</Label>
          <Input id="desk-to" type="date" value={draft.toDay ?? ""} onChange={(e) => set({ toDay: e.target.value || undefined })} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="desk-q">预约单号</Label>
          <Input id="desk-q" value={draft.q ?? ""} onChange={(e) => set({ q: e.target.value })} maxLength={20} placeholder="如 S2026…" />
        </div>
        <Button type="submit" variant="outline">
          查询
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error.message}
        </p>
      ) : null}
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="没有符合条件的预约单" emptyDescription="企业提交的预约会出现在这里；可调整状态、方式或日期筛选">
        <Table aria-label="预约单">
          <TableHeader>
            <TableRow>
              <TableHead>预约单号</TableHead>
              <TableHead>申请单位</TableHead>
              <TableHead>预约时间</TableHead>
              <TableHead className="hidden md:table-cell">方式</TableHead>
              <TableHead className="hidden md:table-cell">器具</TableHead>
              <TableHead className="hidden lg:table-cell">提交时间</TableHead>
              <TableHead>状态</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((r) => (
              <TableRow key={r.id} data-testid={`desk-row-${r.number}`}>
                <TableCell className="font-mono">
                  <Link className="text-primary underline-offset-4 hover:underline" href={`/institution/appointments/${r.id}`}>
                    {r.number}
                  </Link>
                </TableCell>
                <TableCell className="max-w-48 min-w-28 whitespace-normal">{r.enterpriseName}</TableCell>
                <TableCell>
                  {r.day}
                  <div className="text-xs text-muted-foreground">
                    {r.slotLabel} {r.slotStart}–{r.slotEnd}
                  </div>
                </TableCell>
                <TableCell className="hidden md:table-cell">{METHOD_LABEL[r.method]}</TableCell>
                <TableCell className="hidden md:table-cell">{r.instrumentCount} 台件</TableCell>
                <TableCell className="hidden lg:table-cell">{formatDateTime(r.submittedAt)}</TableCell>
                <TableCell>
                  <AppointmentStateBadge state={r.state} />
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
