"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download, FileUp, Plus } from "lucide-react";
import Link from "next/link";
import { useCallback, useState } from "react";
import { RegionPicker } from "@/components/region/region-picker";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { PrintLabels } from "@/components/labels/print-labels";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { LedgerFilter } from "@/lib/schemas/ledger";
import { FILING_STATUS_LABEL, INSTRUMENT_STATUS_LABEL } from "@/lib/words";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { WARNING_LABEL } from "./labels";
import { LifecycleActions } from "./lifecycle-actions";
import { SelectFilter } from "@/components/list/select-filter";

const statusVariant = (s: keyof typeof INSTRUMENT_STATUS_LABEL) => (s === "in_use" ? "success" : s === "scrapped" ? "destructive" : s === "stopped" ? "warning" : "secondary");

type Sort = "newest" | "validUntil" | "name";

function useCursorPages() {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  return {
    cursor: stack[stack.length - 1] ?? null,
    page: stack.length,
    hasPrev: stack.length > 1,
    next: useCallback((c: string | null) => c && setStack((s) => [...s, c]), []),
    prev: useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []),
    reset: useCallback(() => setStack([null]), []),
  };
}


/** 仪器管理 → 全部仪器 (R-LED-6): server-side filters, sorting, keyset pages, counts, colours, bulk actions. */
export function LedgerTable() {
  const trpc = useTRPC();
  const pages = useCursorPages();
  const [q, setQ] = useState("");
  const [tag, setTag] = useState("");
  const [name, setName] = useState("");
  const [filter, setFilter] = useState<LedgerFilter>({});
  const [sort, setSort] = useState<Sort>("newest");
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [showFilters, setShowFilters] = useState(false);
  const options = useQuery(trpc.ledger.options.queryOptions(undefined, { staleTime: 60_000 }));
  const list = useQuery({ ...trpc.ledger.list.queryOptions({ ...filter, sort, limit: 20, cursor: pages.cursor }), placeholderData: keepPreviousData });
  const counts = useQuery({ ...trpc.ledger.counts.queryOptions(filter), placeholderData: keepPreviousData });
  const apply = (next: LedgerFilter) => {
    setFilter(next);
    setSelected(new Set());
    pages.reset();
  };
  const exportHref = `/api/ledger/export?${new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]))}`;
  const items = list.data?.items ?? [];
  const allOnPage = items.length > 0 && items.every((r) => selected.has(r.id));
  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button asChild>
          <Link href="/enterprise/instruments/new">
            <Plus aria-hidden /> 新增器具
          </Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/enterprise/instruments/import">
            <FileUp aria-hidden /> 导入
          </Link>
        </Button>
        <Button asChild variant="outline">
          <a href={exportHref} download data-testid="ledger-export">
            <Download aria-hidden /> 导出
          </a>
        </Button>
        <Button asChild variant="ghost">
          <a href="/api/ledger/template" download>
            下载模板
          </a>
        </Button>
        <Button type="button" variant="outline" className="sm:hidden" aria-expanded={showFilters} onClick={() => setShowFilters((v) => !v)}>
          {showFilters ? "收起筛选" : "筛选"}
        </Button>
      </div>

      <form
        className={cn("gap-3 rounded-lg border p-3 sm:grid sm:grid-cols-2 lg:grid-cols-4", showFilters ? "grid" : "hidden")}
        onSubmit={(e) => {
          e.preventDefault();
          apply({ ...filter, q: q.trim() || undefined, name: name.trim() || undefined, tag: tag.trim() || undefined });
        }}
      >
        <div className="space-y-1">
          <Label htmlFor="ledger-q">关键字</Label>
          <Input id="ledger-q" placeholder="出厂编号、器具名称或生产厂家" value={q} onChange={(e) => setQ(e.target.value)} maxLength={50} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="ledger-name">器具名称</Label>
          <Input id="ledger-name" placeholder="如 加油机" value={name} onChange={(e) => setName(e.target.value)} maxLength={50} />
        </div>
        <SelectFilter
          id="ledger-kind"
          label="种别"
          value={filter.kindId ? String(filter.kindId) : undefined}
          options={(options.data?.kinds ?? []).map((k) => [String(k.id), `${k.itemName} › ${k.name}`])}
          onChange={(v) => apply({ ...filter, kindId: v ? Number(v) : undefined })}
        />
        <SelectFilter id="ledger-status" label="器具状态" value={filter.status} options={Object.entries(INSTRUMENT_STATUS_LABEL) as [keyof typeof INSTRUMENT_STATUS_LABEL, string][]} onChange={(v) => apply({ ...filter, status: v })} />
        <SelectFilter id="ledger-filing" label="备案状态" value={filter.filingStatus} options={Object.entries(FILING_STATUS_LABEL) as [keyof typeof FILING_STATUS_LABEL, string][]} onChange={(v) => apply({ ...filter, filingStatus: v })} />
        <SelectFilter id="ledger-bucket" label="有效期" value={filter.bucket} options={[["due", "30 天内到期"], ["overdue", "已过期"]]} onChange={(v) => apply({ ...filter, bucket: v })} />
        <SelectFilter
          id="ledger-dept"
          label="部门"
          value={filter.departmentId ? String(filter.departmentId) : undefined}
          options={(options.data?.departments ?? []).map((d) => [String(d.id), d.name])}
          onChange={(v) => apply({ ...filter, departmentId: v ? Number(v) : undefined })}
        />
        <div className="space-y-1">
          <Label htmlFor="ledger-tag">标签</Label>
          <Input id="ledger-tag" placeholder="一个标签" value={tag} onChange={(e) => setTag(e.target.value)} maxLength={20} />
        </div>
        <div className="space-y-1 sm:col-span-2 lg:col-span-3">
          <span className="text-sm font-medium">所在地</span>
          <RegionPicker idPrefix="ledger-region" value={filter.regionCode ?? ""} onChange={(code) => apply({ ...filter, regionCode: code || undefined })} />
        </div>
        <div className="flex items-end gap-2">
          <Button type="submit">查询</Button>
          <Button
            type="button"
            variant="outline"
            onClick={() => {
              setQ("");
              setName("");
              setTag("");
              apply({});
            }}
          >
            重置
          </Button>
        </div>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" data-testid="ledger-counts">
          共 {counts.data ? (counts.data.capped ? `${counts.data.total.toLocaleString("zh-CN")} 台以上` : `${counts.data.total} 台`) : "… 台"}
          {counts.data && !counts.data.capped ? (
            <>
              ，<span className="text-amber-700">30 天内到期 {counts.data.due}</span>，<span className="text-red-700">已过期 {counts.data.overdue}</span>
            </>
          ) : null}
          {counts.data?.capped ? (
            // Issue 14 #3: a count that passes the cap stops there — honest "以上", and no due / overdue split of it.
            <span data-testid="ledger-counts-capped">
              （多于 {counts.data.total.toLocaleString("zh-CN")} 台时不再往下计数，也不分 30 天内到期、已过期；加筛选条件（如“有效期”）可得确切台数）
            </span>
          ) : null}
        </p>
        <div className="flex items-center gap-2">
          <Label htmlFor="ledger-sort" className="whitespace-nowrap">
            排序
          </Label>
          <Select
            value={sort}
            onValueChange={(v) => {
              setSort(v as Sort);
              pages.reset();
            }}
          >
            <SelectTrigger id="ledger-sort" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="newest">最近登记</SelectItem>
              <SelectItem value="validUntil">有效期（先到期）</SelectItem>
              <SelectItem value="name">器具名称</SelectItem>
            </SelectContent>
          </Select>
        </div>
      </div>

      {selected.size > 0 ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/40 p-2 text-sm">
          <span>已选 {selected.size} 台</span>
          <LifecycleActions ids={[...selected]} verbs={["stop", "enable", "scrap", "remove"]} onDone={() => setSelected(new Set())} />
          <PrintLabels ids={[...selected]} />
          <Button type="button" size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            取消选择
          </Button>
        </div>
      ) : null}

      <ListState pending={list.isPending} empty={!items.length} emptyTitle="没有符合条件的器具" emptyDescription="可新增器具、导入 Excel，或调整筛选条件">
        {/* Phones: one card per instrument, so 备案 and 有效期至 are never cut off (issue 9 #17). */}
        <ul className="space-y-2 sm:hidden" data-testid="ledger-cards">
          {items.map((r) => (
            <li
              key={r.id}
              data-warning={r.warning ?? undefined}
              className={cn("rounded-lg border p-3", r.warning === "red" && "border-l-4 border-l-red-500 bg-red-50", r.warning === "yellow" && "border-l-4 border-l-amber-500 bg-amber-50")}
            >
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link className="font-medium text-primary hover:underline" href={`/enterprise/instruments/${r.id}`}>
                    {r.name}
                  </Link>
                  <div className="truncate text-xs text-muted-foreground">
                    {r.model} · 出厂编号 <span className="font-mono">{r.serialNo}</span>
                  </div>
                </div>
                <Checkbox aria-label={`选择 ${r.serialNo}`} checked={selected.has(r.id)} onCheckedChange={(on) => toggle(r.id, on === true)} />
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-1.5 text-sm">
                <Badge variant={statusVariant(r.status)}>{INSTRUMENT_STATUS_LABEL[r.status]}</Badge>
                <Badge variant="outline">备案：{FILING_STATUS_LABEL[r.filingStatus]}</Badge>
              </div>
              <div className="mt-1 text-sm">
                <span className="text-muted-foreground">有效期至 </span>
                <span className={cn("tabular-nums", r.warning === "red" && "font-medium text-red-700", r.warning === "yellow" && "font-medium text-amber-700")}>
                  {r.validUntil ?? "—"}
                  {r.warning ? `（${WARNING_LABEL[r.warning]}）` : ""}
                </span>
              </div>
            </li>
          ))}
        </ul>
        <div className="hidden sm:block">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-8">
                  <Checkbox
                    aria-label="选择本页全部"
                    checked={allOnPage}
                    onCheckedChange={(on) => setSelected((s) => {
                      const n = new Set(s);
                      for (const r of items) if (on) n.add(r.id); else n.delete(r.id);
                      return n;
                    })}
                  />
                </TableHead>
                <TableHead>器具名称</TableHead>
                <TableHead className="hidden md:table-cell">种别</TableHead>
                <TableHead>出厂编号</TableHead>
                <TableHead className="hidden lg:table-cell">生产厂家</TableHead>
                <TableHead className="hidden lg:table-cell">部门</TableHead>
                <TableHead>状态</TableHead>
                <TableHead className="hidden sm:table-cell">备案</TableHead>
                <TableHead>有效期至</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((r) => (
                <TableRow key={r.id} data-warning={r.warning ?? undefined} className={cn(r.warning === "red" && "bg-red-50", r.warning === "yellow" && "bg-amber-50")}>
                  <TableCell>
                    <Checkbox aria-label={`选择 ${r.serialNo}`} checked={selected.has(r.id)} onCheckedChange={(on) => toggle(r.id, on === true)} />
                  </TableCell>
                  <TableCell>
                    <Link className="font-medium text-primary hover:underline" href={`/enterprise/instruments/${r.id}`}>
                      {r.name}
                    </Link>
                    <div className="text-xs text-muted-foreground">{r.model}</div>
                  </TableCell>
                  <TableCell className="hidden md:table-cell">
                    {r.kindName} <span className="text-xs text-muted-foreground">{r.supervision}</span>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{r.serialNo}</TableCell>
                  <TableCell className="hidden max-w-48 truncate lg:table-cell">{r.manufacturer}</TableCell>
                  <TableCell className="hidden lg:table-cell">{r.departmentName ?? "—"}</TableCell>
                  <TableCell>
                    <Badge variant={statusVariant(r.status)}>{INSTRUMENT_STATUS_LABEL[r.status]}</Badge>
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">{FILING_STATUS_LABEL[r.filingStatus]}</TableCell>
                  <TableCell className={cn("whitespace-nowrap", r.warning === "red" && "font-medium text-red-700", r.warning === "yellow" && "font-medium text-amber-700")}>
                    {r.validUntil ?? "—"}
                    {r.warning ? <div className="text-xs">{WARNING_LABEL[r.warning]}</div> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </ListState>
      <ListPager pages={pages} nextCursor={list.data?.nextCursor} busy={list.isFetching} />
    </div>
  );
}
