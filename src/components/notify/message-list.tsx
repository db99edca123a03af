"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatDateTime } from "@/lib/format";
import { NOTIFY_EVENT_LABEL } from "@/lib/vocab/notify-event";
import { useTRPC } from "@/trpc/react";

/** The caller's in-app messages (issue 13 #2): all or unread, mark one read, mark all read. */
export function MessageList() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const pages = useKeysetPages();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, isPending, isFetching } = useQuery({
    ...trpc.notification.list.queryOptions({ unreadOnly, limit: 20, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.notification.list.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.notification.unreadCount.queryKey() });
  };
  const onError = (e: { message: string }) => toast.error(e.message);
  const read = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: refresh, onError }));
  const readAll = useMutation(
    trpc.notification.markAllRead.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.marked ? `已将 ${r.marked} 条消息标为已读` : "没有未读消息");
        refresh();
      },
      onError,
    }),
  );
  const filter = (v: boolean) => {
    setUnreadOnly(v);
    pages.reset();
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="显示" className="flex gap-1">
          <Button size="sm" variant={unreadOnly ? "outline" : "default"} aria-pressed={!unreadOnly} onClick={() => filter(false)}>
            全部
          </Button>
          <Button size="sm" variant={unreadOnly ? "default" : "outline"} aria-pressed={unreadOnly} onClick={() => filter(true)}>
            未读
          </Button>
        </div>
        <Button size="sm" variant="outline" className="ml-auto" disabled={readAll.isPending} onClick={() => readAll.mutate()}>
          全部标为已读
        </Button>
      </div>
      <ListState pending={isPending} empty={!data?.items.length} emptyTitle={unreadOnly ? "没有未读消息" : "暂无消息"} emptyDescription="备案、预约、检定结果和有效期预警等通知会出现在这里">
        <ul className="space-y-2">
          {(data?.items ?? []).map((m) => (
            <li key={m.id} data-testid="message" className={`space-y-1 rounded-lg border p-3 text-sm ${m.readAt ? "" : "border-primary/50 bg-primary/5"}`}>
              <div className="flex flex-wrap items-center gap-2">
                {m.readAt ? null : <Badge>未读</Badge>}
                <span className="font-medium">{m.title}</span>
                <span className="text-xs text-muted-foreground">{NOTIFY_EVENT_LABEL[m.event]}</span>
                <span className="ml-auto text-xs text-muted-foreground">{formatDateTime(m.createdAt)}</span>
              </div>
              <p data-testid="message-body">{m.body}</p>
              <div className="flex flex-wrap gap-2">
                {m.link ? (
                  <Button size="sm" variant="link" className="h-auto px-0" asChild>
                    <Link href={m.link} onClick={() => (m.readAt ? undefined : read.mutate({ ids: [m.id] }))}>
                      查看详情
                    </Link>
                  </Button>
                ) : null}
                {m.readAt ? null : (
                  <Button size="sm" variant="outline" disabled={read.isPending} onClick={() => read.mutate({ ids: [m.id] })}>
                    标为已读
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </ListState>
      <ListPager pages={pages} nextCursor={data?.nextCursor} busy={isFetching} />
    </div>
  );
}
