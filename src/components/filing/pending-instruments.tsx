"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { INSTRUMENT_STATUS_LABEL, METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { SubmitDialog } from "./submit-dialog";

/** 待备案: instruments never filed; select some and submit (R-FIL-1). */
export function PendingInstruments() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [q, setQ] = useState("");
  const [query, setQuery] = useState<string | undefined>();
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState(false);
  const { data, isPending, isFetching } = useQuery({
    ...trpc.filing.candidates.queryOptions({ q: query, limit: 50, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const items = data?.items ?? [];
  const selectable = items.filter((i) => !i.blocker);
  const toggle = (id: number, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <form
          className="flex flex-1 gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(q.trim() || undefined);
            pages.reset();
          }}
        >
          <Input aria-label="搜索待备案器具" placeholder="器具名称、出厂编号或生产厂家" value={q} onChange={(e) => setQ(e.target.value)} maxLength={40} className="max-w-sm" />
          <Button type="submit" variant="outline">
            查询
          </Button>
        </form>
        <Button disabled={selected.length === 0} onClick={() => setOpen(true)}>
          申请备案{selected.length ? `（已选 ${selected.length} 台）` : ""}
        </Button>
      </div>
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="没有待备案的器具" emptyDescription="台账中新增的器具会出现在这里；已有检定证书的器具后续周期无需备案，可直接预约">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">
                <Checkbox
                  aria-label="全选可备案器具"
                  checked={selectable.length > 0 && selectable.every((i) => selected.includes(i.id))}
                  onCheckedChange={(on) => setSelected(on ? selectable.map((i) => i.id) : [])}
                />
              </TableHead>
              <TableHead>器具名称</TableHead>
              <TableHead>出厂编号</TableHead>
              <TableHead>说明</TableHead>
              <TableHead className="hidden md:table-cell">种别</TableHead>
              <TableHead className="hidden md:table-cell">检定方式</TableHead>
              <TableHead className="hidden md:table-cell">状态</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((i) => (
              <TableRow key={i.id}>
                <TableCell>
                  <Checkbox
                    aria-label={`选择 ${i.serialNo}`}
                    disabled={!!i.blocker}
                    checked={selected.includes(i.id)}
                    onCheckedChange={(on) => toggle(i.id, on === true)}
                  />
                </TableCell>
                <TableCell className="font-medium">{i.name}</TableCell>
                <TableCell className="font-mono">{i.serialNo}</TableCell>
                <TableCell className="max-w-72 min-w-40 text-sm whitespace-normal">
                  {i.blocker ? <Badge variant="warning" className="whitespace-normal text-left">{i.blocker}</Badge> : <span className="text-muted-foreground">可备案</span>}
                </TableCell>
                <TableCell className="hidden md:table-cell">
                  {i.kindName} <span className="text-xs text-muted-foreground">{i.supervision}</span>
                </TableCell>
                <TableCell className="hidden md:table-cell">{METHOD_LABEL[i.method]}</TableCell>
                <TableCell className="hidden md:table-cell">{INSTRUMENT_STATUS_LABEL[i.status]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
      <SubmitDialog
        instrumentIds={selected}
        open={open}
        onOpenChange={setOpen}
        onDone={() => {
          setOpen(false);
          setSelected([]);
        }}
      />
    </div>
  );
}
