"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { FieldChanges } from "@/components/audit/field-changes";
import { AUDIT_ACTION_LABEL, AUDIT_ENTITY_LABEL } from "@/lib/audit-words";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/react";

const SELECT_CLASS =
  "flex h-9 w-full rounded-md border border-input bg-background px-3 py-1 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 md:text-sm";

export function AuditTable() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [draft, setDraft] = useState({ entityType: "", action: "" });
  const [filters, setFilters] = useState<{ entityType?: string; action?: string }>({});
  const { data, isPending, isFetching } = useQuery({
    ...trpc.admin.auditLog.queryOptions({ ...filters, limit: 30, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="space-y-4">
      <form
        className="grid gap-3 rounded-lg border p-3 sm:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ entityType: draft.entityType || undefined, action: draft.action || undefined });
          pages.reset();
        }}
      >
        <div className="space-y-1">
          <Label htmlFor="audit-type">对象类型</Label>
          <select id="audit-type" className={SELECT_CLASS} value={draft.entityType} onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}>
            <option value="">全部</option>
            {Object.entries(AUDIT_ENTITY_LABEL).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1 sm:col-span-2">
          <Label htmlFor="audit-action">操作</Label>
          <select id="audit-action" className={SELECT_CLASS} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
            <option value="">全部</option>
            {Object.entries(AUDIT_ACTION_LABEL).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <Button type="submit">查询</Button>
        </div>
      </form>
      <ListState pending={isPending} empty={!data?.items.length} emptyTitle="暂无审计记录">
        {/* Phones: one card per row, so the changes are not pushed off screen. */}
        <ul className="space-y-2 sm:hidden" data-testid="audit-cards">
          {(data?.items ?? []).map((r) => (
            <li key={r.id} className="space-y-1 rounded-lg border p-3 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                <b>{r.actionLabel}</b>
                <span className="text-xs tabular-nums text-muted-foreground">{formatDateTime(r.at)}</span>
              </div>
              <div>
                <span className="text-muted-foreground">{r.entityLabel}</span> {r.entityName}
              </div>
              <div className="text-xs text-muted-foreground">操作人：{r.actor ?? "系统"}</div>
              <FieldChanges changes={r.changes} className="space-y-0.5 text-xs" />
            </li>
          ))}
        </ul>
        <div className="hidden sm:block">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>时间</TableHead>
                <TableHead>操作人</TableHead>
                <TableHead>操作</TableHead>
                <TableHead>对象</TableHead>
                <TableHead>变更内容</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(data?.items ?? []).map((r) => (
                <TableRow key={r.id} className="align-top">
                  <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(r.at)}</TableCell>
                  <TableCell>{r.actor ?? "系统"}</TableCell>
                  <TableCell className="whitespace-nowrap">{r.actionLabel}</TableCell>
                  <TableCell className="min-w-40">
                    <span className="text-muted-foreground">{r.entityLabel}</span>
                    {r.entityName ? <div>{r.entityName}</div> : null}
                  </TableCell>
                  <TableCell className="min-w-64 whitespace-normal text-xs">
                    <FieldChanges changes={r.changes} className="space-y-0.5" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
    </div>
  );
}
