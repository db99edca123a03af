"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { PrintLabels } from "@/components/labels/print-labels";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { RegionPicker } from "@/components/region/region-picker";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { BUCKET_LABEL, FILING_STATUS_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { FilingHistoryDialog } from "./filing-history";

type Bucket = keyof typeof BUCKET_LABEL;
const BUCKETS = Object.keys(BUCKET_LABEL) as Bucket[];
const BADGE: Record<Exclude<Bucket, "all" | "failed">, "success" | "warning" | "destructive" | "secondary"> = {
  due: "warning",
  overdue: "destructive",
  invalid: "destructive",
  valid: "success",
};

/** 辖区仪器: the six lists with counts (R-BKT-1…5), computed on the server by the same rules as the filters. */
export function JurisdictionInstruments() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [bucket, setBucket] = useState<Bucket>("all");
  const [q, setQ] = useState("");
  const [query, setQuery] = useState<string | undefined>();
  const [history, setHistory] = useState<number | null>(null);
  // Narrow the jurisdiction to one city or county (the scope still applies on the server).
  const [regionCode, setRegionCode] = useState("");
  const region = regionCode || undefined;
  const counts = useQuery(trpc.jurisdiction.counts.queryOptions({ regionCode: region }));
  const { data, isPending, isFetching } = useQuery({
    ...trpc.jurisdiction.instruments.queryOptions({ bucket, q: query, regionCode: region, limit: 50, cursor: pages.cursor }),
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
        <TabsList className="h-auto flex-wrap">
          {BUCKETS.map((b) => (
            <TabsTrigger key={b} value={b} data-testid={`bucket-${b}`}>
              {BUCKET_LABEL[b]}
              <span className="ml-1 rounded bg-muted px-1.5 text-xs tabular-nums" data-testid={`bucket-count-${b}`}>
                {counts.data ? counts.data.counts[b] : "…"}
              </span>
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
        <Input aria-label="搜索辖区仪器" placeholder="器具名称、出厂编号、器具编码或企业名称" value={q} onChange={(e) => setQ(e.target.value)} maxLength={40} className="max-w-md" />
        <Button type="submit" variant="outline">
          查询
        </Button>
      </form>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <div className="min-w-0 flex-1">
          <RegionPicker
            idPrefix="jurisdiction-region"
            value={regionCode}
            onChange={(code) => {
              setRegionCode(code);
              pages.reset();
            }}
          />
        </div>
        {regionCode ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setRegionCode("");
              pages.reset();
            }}
          >
            全部地区
          </Button>
        ) : null}
      </div>
      {counts.data ? <p className="text-xs text-muted-foreground">按 {counts.data.today}（北京时间）计算</p> : null}
      <ListState pending={isPending} empty={items.length === 0} emptyTitle={`没有${BUCKET_LABEL[bucket]}`}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>器具名称</TableHead>
              <TableHead>出厂编号</TableHead>
              <TableHead>状况</TableHead>
              <TableHead className="hidden md:table-cell">种别</TableHead>
              <TableHead className="hidden md:table-cell">使用单位</TableHead>
              <TableHead className="hidden md:table-cell">备案状态</TableHead>
              <TableHead className="hidden md:table-cell">备案通过</TableHead>
              <TableHead>有效期至</TableHead>
              <TableHead className="text-right">记录</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((i) => (
              <TableRow key={i.id}>
                <TableCell className="font-medium">{i.name}</TableCell>
                <TableCell className="font-mono">{i.serialNo}</TableCell>
                <TableCell className="space-x-1 whitespace-nowrap">
                  {i.bucket ? <Badge variant={BADGE[i.bucket]}>{BUCKET_LABEL[i.bucket]}</Badge> : <span className="text-muted-foreground">—</span>}
                  {i.failedSince ? <Badge variant="destructive">不合格</Badge> : null}
                </TableCell>
                <TableCell className="hidden md:table-cell">{i.kindName}</TableCell>
                <TableCell className="hidden max-w-56 truncate md:table-cell">{i.enterpriseName}</TableCell>
                <TableCell className="hidden md:table-cell">{FILING_STATUS_LABEL[i.filingStatus]}</TableCell>
                <TableCell className="hidden whitespace-nowrap md:table-cell">{i.approvedOn ?? "—"}</TableCell>
                <TableCell className="whitespace-nowrap">{i.validUntil ?? "—"}</TableCell>
                <TableCell className="text-right">
                  <Button size="sm" variant="ghost" onClick={() => setHistory(i.id)}>
                    查看
                  </Button>
                  {i.filingStatus === "filed" ? <PrintLabels ids={[i.id]} /> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
      <FilingHistoryDialog instrumentId={history} onOpenChange={(o) => (o ? null : setHistory(null))} />
    </div>
  );
}
