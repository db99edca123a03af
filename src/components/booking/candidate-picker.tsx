"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { SelectFilter } from "@/components/list/select-filter";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { BUCKET_LABEL, METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

export type Picked = Map<number, { name: string; serialNo: string }>;
type Bucket = "due" | "overdue";
type Method = "send_in" | "on_site";
const BUCKETS: [Bucket, string][] = [
  ["due", BUCKET_LABEL.due],
  ["overdue", BUCKET_LABEL.overdue],
];
const METHODS: [Method, string][] = [
  ["send_in", METHOD_LABEL.send_in],
  ["on_site", METHOD_LABEL.on_site],
];

/**
 * Step 1 of 新建预约: the instruments that can be booked (R-APT-1: filed or verified before, in use or new, not
 * in a filing or another open appointment), searched and filtered like the ledger, page by page; the choice
 * is kept across pages.
 */
export function CandidatePicker({ picked, onChange }: { picked: Picked; onChange: (p: Picked) => void }) {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [q, setQ] = useState("");
  const [filter, setFilter] = useState<{ q?: string; bucket?: Bucket; method?: Method; kindId?: number; departmentId?: number }>({});
  const options = useQuery(trpc.ledger.options.queryOptions(undefined, { staleTime: 60_000 }));
  const { data, isPending, isFetching } = useQuery({
    ...trpc.booking.candidates.queryOptions({ ...filter, limit: 20, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const items = data?.items ?? [];
  const toggle = (rows: typeof items, on: boolean) => {
    const n = new Map(picked);
    for (const r of rows) {
      if (on) n.set(r.id, { name: r.name, serialNo: r.serialNo });
      else n.delete(r.id);
    }
    onChange(n);
  };
  const allOnPage = items.length > 0 && items.every((r) => picked.has(r.id));
  const change = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    pages.reset();
  };

  return (
    <div className="space-y-3">
      <form
        className="grid gap-2 sm:grid-cols-2 sm:items-end lg:grid-cols-[1fr_12rem_9rem_9rem_9rem_auto]"
        onSubmit={(e) => {
          e.preventDefault();
          change({ q: q.trim() || undefined });
        }}
      >
        <div className="space-y-1">
          <label htmlFor="booking-q" className="text-sm font-medium">
            搜索
          </label>
          <Input id="booking-q" placeholder="器具名称、出厂编号或生产厂家" value={q} maxLength={50} onChange={(e) => setQ(e.target.value)} />
        </div>
        <SelectFilter
          id="booking-kind"
          label="种别"
          value={filter.kindId ? String(filter.kindId) : undefined}
          options={(options.data?.kinds ?? []).map((k) => [String(k.id), `${k.itemName} › ${k.name}`])}
          onChange={(v) => change({ kindId: v ? Number(v) : undefined })}
        />
        <SelectFilter
          id="booking-dept"
          label="部门"
          value={filter.departmentId ? String(filter.departmentId) : undefined}
          options={(options.data?.departments ?? []).map((d) => [String(d.id), d.name])}
          onChange={(v) => change({ departmentId: v ? Number(v) : undefined })}
        />
        <SelectFilter id="booking-bucket" label="检定期限" value={filter.bucket} options={BUCKETS} onChange={(v) => change({ bucket: v })} />
        <SelectFilter id="booking-method" label="检定方式" value={filter.method} options={METHODS} onChange={(v) => change({ method: v })} />
        <Button type="submit" variant="outline">
          查询
        </Button>
      </form>
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="没有可预约的器具" emptyDescription="已备案（或已有检定证书）、在用或新增、且不在其他预约单中的器具才能预约">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">
                <Checkbox aria-label="全选本页" checked={allOnPage} onCheckedChange={(on) => toggle(items, on === true)} />
              </TableHead>
              <TableHead>器具</TableHead>
              <TableHead className="hidden md:table-cell">检定机构</TableHead>
              <TableHead className="hidden sm:table-cell">检定方式</TableHead>
              <TableHead>有效期至</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="align-top">
                  <Checkbox aria-label={`选择 ${r.serialNo}`} checked={picked.has(r.id)} onCheckedChange={(on) => toggle([r], on === true)} />
                </TableCell>
                <TableCell className="align-top whitespace-normal">
                  <div className="font-medium">{r.name}</div>
                  <div className="font-mono text-xs text-muted-foreground">{r.serialNo}</div>
                  <div className="text-xs text-muted-foreground">
                    {r.kindName}
                    {r.departmentName ? ` · ${r.departmentName}` : ""}
                  </div>
                  <div className="text-xs text-muted-foreground md:hidden">
                    {r.institutionName} · {METHOD_LABEL[r.method]}
                  </div>
                </TableCell>
                <TableCell className="hidden max-w-56 align-top whitespace-normal md:table-cell">{r.institutionName}</TableCell>
                <TableCell className="hidden align-top sm:table-cell">{METHOD_LABEL[r.method]}</TableCell>
                <TableCell className="align-top">
                  {r.validUntil ?? "—"}
                  {r.bucket === "due" || r.bucket === "overdue" || r.bucket === "invalid" ? (
                    <div>
                      <Badge variant={r.bucket === "due" ? "warning" : "destructive"}>{BUCKET_LABEL[r.bucket]}</Badge>
                    </div>
                  ) : null}
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
