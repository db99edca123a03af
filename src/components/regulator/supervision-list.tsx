"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { SelectFilter } from "@/components/list/select-filter";
import { RegionPicker } from "@/components/region/region-picker";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { supervisionFilter, SUPERVISION_BUCKETS, type SupervisionFilter } from "@/lib/schemas/regulator";
import { BUCKET_LABEL, FILING_STATUS_LABEL, PURPOSE_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

type Bucket = (typeof SUPERVISION_BUCKETS)[number];
const BADGE = { due: "warning", overdue: "destructive", invalid: "destructive", valid: "success" } as const;
const KEYS = ["region", "bucket", "item", "purpose", "institution", "q"] as const;

/** The URL's filter (the dashboard links here with region, bucket, item, purpose, institution, q). */
function filterFromParams(params: URLSearchParams): { filter: SupervisionFilter; error: string | null } {
  const raw = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const parsed = supervisionFilter.safeParse(raw);
  return parsed.success ? { filter: parsed.data, error: null } : { filter: { bucket: "all" }, error: parsed.error.issues[0]?.message ?? "筛选条件无效" };
}

function toParams(f: SupervisionFilter) {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = f[k];
    if (v !== undefined && v !== "" && !(k === "bucket" && v === "all")) p.set(k, String(v));
  }
  return p;
}

/** 辖区仪器 (issue 12 item 3): conditional search over the region's instruments, with streamed Excel export. */
export function SupervisionList() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { filter, error: urlError } = filterFromParams(new URLSearchParams(params.toString()));
  const pages = useKeysetPages();
  const [draft, setDraft] = useState<SupervisionFilter>(filter);
  const options = useQuery(trpc.supervision.options.queryOptions(undefined, { staleTime: 300_000 }));
  const { data, isPending, isFetching, error } = useQuery({
    ...trpc.supervision.instruments.queryOptions({ ...filter, limit: 50, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const apply = (f: SupervisionFilter) => {
    pages.reset();
    const qs = toParams(f).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname);
  };
  const items = data?.items ?? [];
  const exportHref = `/api/regulator/instruments/export?${toParams(filter).toString()}`;
  const set = <K extends keyof SupervisionFilter>(k: K, v: SupervisionFilter[K]) => setDraft((d) => ({ ...d, [k]: v }));

  return (
    <div className="space-y-3">
      <form
        className="grid gap-3 rounded-lg border p-3 sm:grid-cols-2 lg:grid-cols-3"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ ...draft, q: draft.q?.trim() || undefined });
        }}
      >
        <div className="space-y-1 sm:col-span-2 lg:col-span-3">
          <Label>所在地区</Label>
          <RegionPicker idPrefix="supervision-region" value={draft.region ?? ""} onChange={(code) => set("region", code || undefined)} />
        </div>
        <SelectFilter id="supervision-bucket" label="分类" value={draft.bucket === "all" ? undefined : draft.bucket} options={SUPERVISION_BUCKETS.filter((b) => b !== "all").map((b) => [b, BUCKET_LABEL[b]])} onChange={(v) => set("bucket", (v ?? "all") as Bucket)} />
        <SelectFilter id="supervision-purpose" label="用途" value={draft.purpose} options={Object.entries(PURPOSE_LABEL) as [NonNullable<SupervisionFilter["purpose"]>, string][]} onChange={(v) => set("purpose", v)} />
        <SelectFilter id="supervision-item" label="项别" value={draft.item ? String(draft.item) : undefined} options={(options.data?.items ?? []).map((i) => [String(i.id), i.name])} onChange={(v) => set("item", v ? Number(v) : undefined)} />
        <SelectFilter id="supervision-institution" label="检定机构" value={draft.institution ? String(draft.institution) : undefined} options={(options.data?.institutions ?? []).map((i) => [String(i.id), i.name])} onChange={(v) => set("institution", v ? Number(v) : undefined)} />
        <div className="space-y-1">
          <Label htmlFor="supervision-q">关键词</Label>
          <Input id="supervision-q" placeholder="器具名称、出厂编号、器具编码、厂家或企业名称" value={draft.q ?? ""} maxLength={40} onChange={(e) => set("q", e.target.value)} />
        </div>
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-3">
          <Button type="submit">查询</Button>
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              setDraft({ bucket: "all" });
              apply({ bucket: "all" });
            }}
          >
            清除条件
          </Button>
          <Button asChild variant="outline" className="ml-auto">
            <a href={exportHref} download data-testid="supervision-export">
              <Download className="size-4" aria-hidden />
              导出 Excel
            </a>
          </Button>
        </div>
      </form>
      {urlError ? <p className="text-sm text-destructive">{urlError}</p> : null}
      {error ? <p className="text-sm text-destructive" data-testid="supervision-error">{error.message}</p> : null}
      {data ? <p className="text-xs text-muted-foreground">按 {data.today}（北京时间）计算</p> : null}
      {error ? null : (
        <ListState pending={isPending} empty={items.length === 0} emptyTitle="没有符合条件的器具">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>器具名称</TableHead>
                <TableHead className="hidden sm:table-cell">出厂编号</TableHead>
                <TableHead>状况</TableHead>
                <TableHead className="hidden md:table-cell">使用单位</TableHead>
                <TableHead className="hidden xl:table-cell">所在区县</TableHead>
                <TableHead className="hidden xl:table-cell">用途</TableHead>
                <TableHead className="hidden md:table-cell">检定机构</TableHead>
                <TableHead className="hidden md:table-cell">备案状态</TableHead>
                <TableHead>有效期至</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((i) => (
                <TableRow key={i.id} data-testid="supervision-row">
                  <TableCell className="font-medium">
                    {i.name}
                    <div className="font-mono text-xs text-muted-foreground sm:hidden">{i.serialNo}</div>
                    <div className="text-xs text-muted-foreground md:hidden">{i.enterpriseName}</div>
                  </TableCell>
                  <TableCell className="hidden font-mono sm:table-cell" data-testid="supervision-serial">{i.serialNo}</TableCell>
                  <TableCell className="space-x-1 whitespace-nowrap">
                    {i.bucket ? <Badge variant={BADGE[i.bucket]}>{BUCKET_LABEL[i.bucket]}</Badge> : <span className="text-muted-foreground">—</span>}
                    {i.failedSince ? <Badge variant="destructive">不合格</Badge> : null}
                  </TableCell>
                  <TableCell className="hidden max-w-48 truncate md:table-cell">{i.enterpriseName}</TableCell>
                  <TableCell className="hidden xl:table-cell">{i.countyName ?? "—"}</TableCell>
                  <TableCell className="hidden xl:table-cell">{PURPOSE_LABEL[i.purpose]}</TableCell>
                  <TableCell className="hidden max-w-48 truncate md:table-cell">{i.institutionName ?? "—"}</TableCell>
                  <TableCell className="hidden md:table-cell">{FILING_STATUS_LABEL[i.filingStatus]}</TableCell>
                  <TableCell className="whitespace-nowrap">{i.validUntil ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ListState>
      )}
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
    </div>
  );
}
