"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { SelectFilter } from "@/components/list/select-filter";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { RESULT_TAB_LABEL } from "@/lib/schemas/reception";
import { CERTIFICATE_KIND_LABEL, VERDICT_LABEL, type Verdict } from "@/lib/vocab";
import { METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

type Tab = keyof typeof RESULT_TAB_LABEL;
type Filters = { from?: string; to?: string; verdict?: Verdict; number?: string };
const yuan = (cents: number) => (cents / 100).toFixed(2);

/**
 * 检定结果 (issue 10 item 6): instruments received and awaiting a result (each opens the appointment's batch
 * entry), and recorded results with their certificate or fail notice; filters by date, verdict and number.
 */
export function ResultList() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [tab, setTab] = useState<Tab>("awaiting");
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const input = { tab, ...filters, verdict: tab === "recorded" ? filters.verdict : undefined, limit: 50, cursor: pages.cursor };
  const { data, isPending, isFetching, error } = useQuery({ ...trpc.results.list.queryOptions(input), placeholderData: keepPreviousData });
  const items = data?.tab === tab ? data.items : [];

  return (
    <div className="space-y-3">
      <Tabs
        value={tab}
        onValueChange={(v) => {
          setTab(v as Tab);
          pages.reset();
        }}
      >
        <TabsList>
          <TabsTrigger value="awaiting">{RESULT_TAB_LABEL.awaiting}</TabsTrigger>
          <TabsTrigger value="recorded">{RESULT_TAB_LABEL.recorded}</TabsTrigger>
        </TabsList>
      </Tabs>
      <form
        className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...draft, number: draft.number?.trim() || undefined });
          pages.reset();
        }}
      >
        <div className="col-span-2 space-y-1 sm:w-48">
          <Label htmlFor="filter-number">预约单号</Label>
          <Input id="filter-number" value={draft.number ?? ""} maxLength={20} onChange={(e) => setDraft({ ...draft, number: e.target.value })} placeholder="完整单号" />
        </div>
        <div className="space-y-1 sm:w-40">
          <Label htmlFor="filter-from">{tab === "awaiting" ? "预约日期" : "检定日期"}从</Label>
          <Input id="filter-from" type="date" value={draft.from ?? ""} onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })} />
        </div>
        <div className="space-y-1 sm:w-40">
          <Label htmlFor="filter-to">至</Label>
          <Input id="filter-to" type="date" value={draft.to ?? ""} onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })} />
        </div>
        {tab === "recorded" ? (
          <SelectFilter id="filter-verdict" label="检定结论" className="sm:w-32" value={draft.verdict} options={Object.entries(VERDICT_LABEL) as [Verdict, string][]} onChange={(v) => setDraft({ ...draft, verdict: v })} />
        ) : null}
        <Button type="submit" variant="outline" className="col-span-2 sm:col-span-1">
          查询
        </Button>
      </form>
      {error ? <p className="text-sm text-destructive">{error.message}</p> : null}
      <ListState
        pending={isPending}
        empty={items.length === 0}
        emptyTitle={tab === "awaiting" ? "没有待录入结果的器具" : "没有检定结果"}
        emptyDescription={tab === "awaiting" ? "在“接收登记”中接收的器具会出现在这里" : "录入的检定结果会出现在这里"}
      >
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>器具</TableHead>
              <TableHead className="hidden md:table-cell">送检单位</TableHead>
              <TableHead className="hidden sm:table-cell">预约单号</TableHead>
              {tab === "awaiting" ? (
                <>
                  <TableHead className="hidden md:table-cell">预约日期</TableHead>
                  <TableHead className="text-right">操作</TableHead>
                </>
              ) : (
                <>
                  <TableHead>结论</TableHead>
                  <TableHead className="hidden md:table-cell">检定日期</TableHead>
                  <TableHead className="hidden md:table-cell">有效期至</TableHead>
                  <TableHead className="hidden lg:table-cell">证书 / 通知书编号</TableHead>
                  <TableHead className="hidden lg:table-cell">费用</TableHead>
                </>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data?.tab === "awaiting" && tab === "awaiting"
              ? data.items.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell className="min-w-32 whitespace-normal">
                      <div className="font-medium">{i.name}</div>
                      <div className="text-xs text-muted-foreground">
                        {i.model} · <span className="font-mono">{i.serialNo}</span>
                      </div>
                    </TableCell>
                    <TableCell className="hidden md:table-cell">{i.enterpriseName}</TableCell>
                    <TableCell className="hidden font-mono sm:table-cell">{i.number}</TableCell>
                    <TableCell className="hidden md:table-cell">
                      {i.day} <span className="text-xs text-muted-foreground">{METHOD_LABEL[i.method]}</span>
                    </TableCell>
                    <TableCell className="text-right">
                      <Button size="sm" variant="outline" asChild>
                        <Link href={`/institution/results/batch?appointmentId=${i.appointmentId}`}>录入结果</Link>
                      </Button>
                    </TableCell>
                  </TableRow>
                ))
              : null}
            {data?.tab === "recorded" && tab === "recorded"
              ? data.items.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell className="min-w-32 whitespace-normal">
                      <div className="font-medium">{r.name}</div>
                      <div className="text-xs text-muted-foreground">
                        {r.model} · <span className="font-mono">{r.serialNo}</span>
                      </div>
                    </TableCell>
                    <TableCell className="hidden md:table-cell">{r.enterpriseName}</TableCell>
                    <TableCell className="hidden font-mono sm:table-cell">{r.number}</TableCell>
                    <TableCell>
                      <Badge variant={r.verdict === "pass" ? "success" : "destructive"}>{VERDICT_LABEL[r.verdict]}</Badge>
                    </TableCell>
                    <TableCell className="hidden md:table-cell">{r.verifiedOn}</TableCell>
                    <TableCell className="hidden md:table-cell">{r.validUntil ?? "—"}</TableCell>
                    <TableCell className="hidden lg:table-cell">
                      {r.documentNo ? (
                        <>
                          <span className="font-mono">{r.documentNo}</span>
                          <span className="ml-1 text-xs text-muted-foreground">{r.documentKind ? CERTIFICATE_KIND_LABEL[r.documentKind] : ""}</span>
                        </>
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell className="hidden lg:table-cell">{r.feeCents != null ? `${yuan(r.feeCents)} 元${r.feeNote ? `（${r.feeNote}）` : ""}` : "—"}</TableCell>
                  </TableRow>
                ))
              : null}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
    </div>
  );
}
