"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { ORG_STATUS_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

/** 申报企业 (R-SCOPE-2) with each enterprise's instrument counts. */
export function EnterpriseList() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [q, setQ] = useState("");
  const [query, setQuery] = useState<string | undefined>();
  const { data, isPending, isFetching } = useQuery({ ...trpc.jurisdiction.enterprises.queryOptions({ q: query, limit: 50, cursor: pages.cursor }), placeholderData: keepPreviousData });
  const items = data?.items ?? [];
  return (
    <div className="space-y-3">
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim() || undefined);
          pages.reset();
        }}
      >
        <Input aria-label="搜索企业" placeholder="企业名称或统一社会信用代码" value={q} onChange={(e) => setQ(e.target.value)} maxLength={40} className="max-w-md" />
        <Button type="submit" variant="outline">
          查询
        </Button>
      </form>
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="没有申报企业" emptyDescription="法定计量技术机构可见辖区内的企业；授权机构只能看到向本机构申请过备案的企业">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>企业名称</TableHead>
              <TableHead>统一社会信用代码</TableHead>
              <TableHead>地址</TableHead>
              <TableHead>账户</TableHead>
              <TableHead className="text-right">器具</TableHead>
              <TableHead className="text-right">已备案</TableHead>
              <TableHead className="text-right">待处理</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="font-medium">{e.name}</TableCell>
                <TableCell className="font-mono text-xs">{e.uscc ?? "—"}</TableCell>
                <TableCell className="max-w-64 truncate">{e.address ?? "—"}</TableCell>
                <TableCell>
                  <Badge variant={e.status === "approved" ? "success" : "warning"}>{ORG_STATUS_LABEL[e.status]}</Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums">{e.instruments}</TableCell>
                <TableCell className="text-right tabular-nums">{e.filed}</TableCell>
                <TableCell className="text-right tabular-nums">{e.pending}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
    </div>
  );
}
