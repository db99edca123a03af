"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatDateTime } from "@/lib/format";
import { OUTBOX_STATUS_LABEL } from "@/lib/vocab";
import { useTRPC } from "@/trpc/react";

const CHANNEL = { sms: "短信", email: "邮件", webhook: "Webhook" } as const;

export function OutboxTable() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [q, setQ] = useState("");
  const [recipient, setRecipient] = useState<string | undefined>();
  const { data, isPending, isFetching, refetch } = useQuery({
    ...trpc.accountAdmin.outbox.queryOptions({ recipient, limit: 20, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-2 rounded-lg border p-3"
        onSubmit={(e) => {
          e.preventDefault();
          setRecipient(q.trim() || undefined);
          pages.reset();
        }}
      >
        <div className="min-w-48 flex-1 space-y-1">
          <Label htmlFor="outbox-recipient">接收人（手机号码）</Label>
          <Input id="outbox-recipient" value={q} onChange={(e) => setQ(e.target.value)} maxLength={40} inputMode="numeric" />
        </div>
        <Button type="submit">查询</Button>
        <Button type="button" variant="outline" onClick={() => void refetch()}>
          刷新
        </Button>
      </form>
      <ListState pending={isPending} empty={!data?.items.length} emptyTitle="暂无消息" emptyDescription="平台发出的短信等消息会记录在这里">
        {/* Phones: one card per message (the seven columns do not fit 390 px). Test ids stay on the table. */}
        <ul className="space-y-2 sm:hidden">
          {(data?.items ?? []).map((m) => (
            <li key={m.id} className="space-y-1 rounded-lg border p-3 text-sm">
              <div className="flex items-center justify-between gap-2">
                <span className="font-mono">{m.recipient}</span>
                <StatusBadge status={m.status} />
              </div>
              <p className="break-words">{m.body}</p>
              <p className="text-xs text-muted-foreground">
                {formatDateTime(m.createdAt)} · {CHANNEL[m.channel]} · 尝试 {m.attempts} 次
              </p>
              {m.lastError ? <p className="text-xs text-destructive">最近错误：{m.lastError}</p> : null}
            </li>
          ))}
        </ul>
        <Table className="hidden sm:table">
          <TableHeader>
            <TableRow>
              <TableHead>时间</TableHead>
              <TableHead>渠道</TableHead>
              <TableHead>接收人</TableHead>
              <TableHead>内容</TableHead>
              <TableHead>状态</TableHead>
              <TableHead>尝试次数</TableHead>
              <TableHead>最近错误</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(data?.items ?? []).map((m) => (
              <TableRow key={m.id} data-testid="outbox-row">
                <TableCell className="whitespace-nowrap">{formatDateTime(m.createdAt)}</TableCell>
                <TableCell>{CHANNEL[m.channel]}</TableCell>
                <TableCell className="font-mono" data-testid="outbox-recipient">
                  {m.recipient}
                </TableCell>
                <TableCell className="min-w-64 whitespace-normal" data-testid="outbox-body">
                  {m.body}
                </TableCell>
                <TableCell>
                  <StatusBadge status={m.status} />
                </TableCell>
                <TableCell data-testid="outbox-attempts">{m.attempts}</TableCell>
                <TableCell className="min-w-40 whitespace-normal text-destructive" data-testid="outbox-error">
                  {m.lastError ?? ""}
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

function StatusBadge({ status }: { status: keyof typeof OUTBOX_STATUS_LABEL }) {
  return <Badge variant={status === "sent" ? "success" : status === "failed" ? "destructive" : "warning"}>{OUTBOX_STATUS_LABEL[status]}</Badge>;
}
