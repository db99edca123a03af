"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ListState } from "@/components/list/list-state";
import { KeysetPagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/react";

/** 重复登记 (issue 12 item 8): one manufacturer + serial in two enterprises' ledgers, both named. */
export function DuplicatesList() {
  const trpc = useTRPC();
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const cursor = stack[stack.length - 1] ?? null;
  const { data, isPending, isFetching } = useQuery({ ...trpc.supervision.duplicates.queryOptions({ limit: 50, cursor }), placeholderData: keepPreviousData });
  const items = data?.items ?? [];
  return (
    <div className="space-y-3">
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="没有发现重复登记的器具">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>生产厂家 / 出厂编号</TableHead>
              <TableHead>登记单位一</TableHead>
              <TableHead>登记单位二</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((d) => (
              <TableRow key={`${d.aId}-${d.bId}`} data-testid="duplicate-row">
                <TableCell>
                  <div className="font-medium">{d.manufacturer}</div>
                  <div className="font-mono text-xs text-muted-foreground">{d.serialNo}</div>
                </TableCell>
                <TableCell className="whitespace-normal">
                  {d.aEnterprise}
                  <div className="text-xs text-muted-foreground">{d.aName}，登记于 {formatDateTime(d.aCreatedAt)}</div>
                </TableCell>
                <TableCell className="whitespace-normal">
                  {d.bEnterprise}
                  <div className="text-xs text-muted-foreground">{d.bName}，登记于 {formatDateTime(d.bCreatedAt)}</div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <KeysetPagination
        hasPrev={stack.length > 1}
        hasNext={data?.nextCursor != null}
        onPrev={() => setStack((s) => s.slice(0, -1))}
        onNext={() => data?.nextCursor && setStack((s) => [...s, data.nextCursor])}
        disabled={isFetching}
        summary={`第 ${stack.length} 页`}
      />
    </div>
  );
}
