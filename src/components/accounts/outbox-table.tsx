"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatDateTime } from "@/lib/format";
import { OUTBOX_CHANNEL_LABEL as CHANNEL, OUTBOX_CHANNELS, OUTBOX_STATUS_LABEL, OUTBOX_STATUSES, type OutboxChannelCode, type OutboxStatus } from "@/lib/vocab";
import { useTRPC } from "@/trpc/react";
import { SelectFilter } from "@/components/list/select-filter";


export function OutboxTable() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [q, setQ] = useState("");
  const [recipient, setRecipient] = useState<string | undefined>();
  const [channel, setChannel] = useState<OutboxChannelCode | undefined>();
  const [status, setStatus] = useState<OutboxStatus | undefined>();
  const [retrying, setRetrying] = useState<{ id: number; recipient: string } | null>(null);
  const qc = useQueryClient();
  const { data, isPending, isFetching, refetch } = useQuery({
    ...trpc.accountAdmin.outbox.queryOptions({ recipient, channel, status, limit: 20, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const retry = useMutation(
    trpc.accountAdmin.retryOutbox.mutationOptions({
      onSuccess: () => toast.success("已重新排队，稍后由发送程序发出"),
      onError: (e: { message: string }) => toast.error(e.message),
      onSettled: () => {
        setRetrying(null);
        void qc.invalidateQueries({ queryKey: trpc.accountAdmin.outbox.queryKey() });
      },
    }),
  );
  const retryButton = (m: { id: number; recipient: string; status: OutboxStatus }) =>
    m.status === "failed" ? (
      <Button size="sm" variant="outline" onClick={() => setRetrying({ id: m.id, recipient: m.recipient })}>
        重新发送
      </Button>
    ) : null;
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
          <Label htmlFor="outbox-recipient">接收人</Label>
          {/* The outbox holds every channel: a phone number, an e-mail address or a webhook address. */}
          <Input id="outbox-recipient" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} placeholder="手机号码、电子邮箱或接收网址，须完整填写" />
        </div>
        <SelectFilter
          className="flex min-w-32 flex-col gap-1 space-y-0"
          id="outbox-channel"
          label="渠道"
          value={channel}
          options={OUTBOX_CHANNELS.map((c) => [c, CHANNEL[c]])}
          onChange={(v) => {
            setChannel(v);
            pages.reset();
          }}
        />
        <SelectFilter
          className="flex min-w-32 flex-col gap-1 space-y-0"
          id="outbox-status"
          label="状态"
          value={status}
          options={OUTBOX_STATUSES.map((c) => [c, OUTBOX_STATUS_LABEL[c]])}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
        />
        <Button type="submit">查询</Button>
        <Button type="button" variant="outline" onClick={() => void refetch()}>
          刷新
        </Button>
      </form>
      <ListState pending={isPending} empty={!data?.items.length} emptyTitle="暂无消息" emptyDescription="平台发出的短信等消息会记录在这里">
        {/* Phones: one card per message (the eight columns do not fit 390 px). Test ids stay on the table. */}
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
              {retryButton(m)}
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
              <TableHead>操作</TableHead>
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
                <TableCell>{retryButton(m)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
      <AlertDialog open={retrying !== null} onOpenChange={(o) => !o && setRetrying(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>重新发送消息</AlertDialogTitle>
            <AlertDialogDescription>
              确定重新发送发给 {retrying?.recipient} 的这条消息吗？它将立即重新排队，尝试次数从 0 重新计算。
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>取消</AlertDialogCancel>
            <AlertDialogAction
              disabled={retry.isPending}
              onClick={(e) => {
                e.preventDefault();
                if (retrying) retry.mutate({ id: retrying.id });
              }}
            >
              确定重新发送
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}


function StatusBadge({ status }: { status: OutboxStatus }) {
  return <Badge variant={status === "sent" ? "success" : status === "failed" ? "destructive" : "warning"}>{OUTBOX_STATUS_LABEL[status]}</Badge>;
}
