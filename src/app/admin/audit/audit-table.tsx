"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ListPager } from "@/components/layout/list-pager";
import { ListState } from "@/components/layout/list-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/react";

function brief(v: unknown) {
  if (v === null || v === undefined) return "";
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

export function AuditTable() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [draft, setDraft] = useState({ entityType: "", entityId: "", action: "" });
  const [filters, setFilters] = useState<{ entityType?: string; entityId?: string; action?: string }>({});
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
          setFilters({
            entityType: draft.entityType.trim() || undefined,
            entityId: draft.entityId.trim() || undefined,
            action: draft.action.trim() || undefined,
          });
          pages.reset();
        }}
      >
        <div className="space-y-1">
          <Label htmlFor="audit-type">对象类型</Label>
          <Input id="audit-type" placeholder="如 user、instrument" value={draft.entityType} onChange={(e) => setDraft({ ...draft, entityType: e.target.value })} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-id">对象编号</Label>
          <Input id="audit-id" value={draft.entityId} onChange={(e) => setDraft({ ...draft, entityId: e.target.value })} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-action">操作</Label>
          <Input id="audit-action" placeholder="如 user.lock" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} />
        </div>
        <div className="flex items-end">
          <Button type="submit">查询</Button>
        </div>
      </form>
      <ListState pending={isPending} empty={!data?.items.length} emptyTitle="暂无审计记录">
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
              <TableRow key={r.id}>
                <TableCell className="whitespace-nowrap">{formatDateTime(r.at)}</TableCell>
                <TableCell>{r.actor ?? "系统"}</TableCell>
                <TableCell className="font-mono text-xs">{r.action}</TableCell>
                <TableCell className="font-mono text-xs">
                  {r.entityType}#{r.entityId}
                </TableCell>
                <TableCell className="max-w-md truncate font-mono text-xs" title={brief(r.after)}>
                  {brief(r.before) ? `${brief(r.before)} → ` : ""}
                  {brief(r.after)}
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
