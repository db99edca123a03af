"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { SelectFilter } from "@/components/list/select-filter";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { RECEPTION_QUEUE_STATES } from "@/lib/schemas/reception";
import { APPOINTMENT_STATE_LABEL } from "@/lib/vocab";
import { METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

type QueueState = (typeof RECEPTION_QUEUE_STATES)[number];

/** 待接收预约: the appointments the front desk works on; a row opens it as if its number had been typed. */
export function ReceptionQueue() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [state, setState] = useState<QueueState | undefined>();
  const { data, isPending, isFetching } = useQuery({ ...trpc.reception.queue.queryOptions({ state, limit: 20, cursor: pages.cursor }), placeholderData: keepPreviousData });
  const items = data?.items ?? [];
  return (
    <section className="space-y-2" aria-labelledby="queue-title">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="queue-title" className="text-base font-semibold">
          待处理的预约单
        </h2>
        <SelectFilter
          id="queue-state"
          label="状态"
          className="w-36"
          value={state}
          options={RECEPTION_QUEUE_STATES.map((s) => [s, APPOINTMENT_STATE_LABEL[s]] as [QueueState, string])}
          onChange={(v) => {
            setState(v);
            pages.reset();
          }}
        />
      </div>
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="没有待处理的预约单" emptyDescription="机构确认的预约单会出现在这里">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>预约单号</TableHead>
              <TableHead className="hidden sm:table-cell">送检单位</TableHead>
              <TableHead>预约时间</TableHead>
              <TableHead className="hidden md:table-cell">方式</TableHead>
              <TableHead>状态</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((a) => (
              <TableRow key={a.id} data-testid="queue-row">
                <TableCell>
                  <Link className="font-mono text-primary underline-offset-4 hover:underline" href={`/institution/reception?number=${a.number}`}>
                    {a.number}
                  </Link>
                </TableCell>
                <TableCell className="hidden max-w-48 truncate sm:table-cell">{a.enterpriseName}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {a.day} {a.slotLabel}
                </TableCell>
                <TableCell className="hidden md:table-cell">{METHOD_LABEL[a.method]}</TableCell>
                <TableCell>
                  <Badge variant="outline">{APPOINTMENT_STATE_LABEL[a.state]}</Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
    </section>
  );
}
