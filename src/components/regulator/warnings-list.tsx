"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { WARNING_BUCKETS } from "@/lib/schemas/regulator";
import { BUCKET_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

type Bucket = (typeof WARNING_BUCKETS)[number];

/** 预警 (issue 12 item 3): overdue, invalid and failed instruments with the enterprise's registered contact. */
export function WarningsList() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [bucket, setBucket] = useState<Bucket>("overdue");
  const [q, setQ] = useState("");
  const [query, setQuery] = useState<string | undefined>();
  const { data, isPending, isFetching } = useQuery({
    ...trpc.supervision.warnings.queryOptions({ bucket, q: query, limit: 50, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const items = data?.items ?? [];
  return (
    <div className="space-y-3">
      <Tabs
        value={bucket}
        onValueChange={(v) => {
          setBucket(v as Bucket);
          pages.reset();
        }}
      >
        <TabsList>
          {WARNING_BUCKETS.map((b) => (
            <TabsTrigger key={b} value={b}>
              {BUCKET_LABEL[b]}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim() || undefined);
          pages.reset();
        }}
      >
        <Input aria-label="搜索预警" placeholder="器具名称、出厂编号或企业名称" value={q} maxLength={40} onChange={(e) => setQ(e.target.value)} className="max-w-md" />
        <Button type="submit" variant="outline">
          查询
        </Button>
      </form>
      <ListState pending={isPending} empty={items.length === 0} emptyTitle={`没有${BUCKET_LABEL[bucket]}的器具`}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>器具</TableHead>
              <TableHead>使用单位</TableHead>
              <TableHead className="hidden sm:table-cell">联系电话</TableHead>
              <TableHead className="hidden md:table-cell">电子邮箱</TableHead>
              <TableHead className="hidden lg:table-cell">所在区县</TableHead>
              <TableHead className="hidden sm:table-cell">{bucket === "failed" ? "不合格日期" : "有效期至"}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((i) => {
              const when = (bucket === "failed" ? i.failedSince : i.validUntil) ?? (i.approvedOn ? `备案于 ${i.approvedOn}` : "—");
              const phone = i.enterprisePhone ? <a className="underline" href={`tel:${i.enterprisePhone}`}>{i.enterprisePhone}</a> : "—";
              return (
              <TableRow key={i.id}>
                <TableCell>
                  <div className="font-medium">{i.name}</div>
                  <div className="font-mono text-xs text-muted-foreground">{i.serialNo}</div>
                  <div className="text-xs text-muted-foreground sm:hidden">{when}</div>
                </TableCell>
                <TableCell className="max-w-56 whitespace-normal">
                  {i.enterpriseName}
                  <div className="text-xs sm:hidden">{phone}</div>
                </TableCell>
                <TableCell className="hidden whitespace-nowrap sm:table-cell">{phone}</TableCell>
                <TableCell className="hidden md:table-cell">{i.enterpriseEmail ?? "—"}</TableCell>
                <TableCell className="hidden lg:table-cell">{i.countyName ?? "—"}</TableCell>
                <TableCell className="hidden whitespace-nowrap sm:table-cell">{when}</TableCell>
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
