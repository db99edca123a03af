"use client";

import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/** The bell in every signed-in header (issue 13 #2): unread in-app messages, refreshed every 20 s. */
export function MessageBell() {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.notification.unreadCount.queryOptions(), refetchInterval: 20_000 });
  const n = data ?? 0;
  const shown = n > 99 ? "99+" : String(n);
  return (
    <Button variant="ghost" size="sm" asChild>
      <Link href="/messages" aria-label={n ? `站内消息，${shown} 条未读` : "站内消息"} className="relative" data-testid="message-bell" data-unread={data === undefined ? undefined : n}>
        <Bell aria-hidden />
        <span className="hidden md:inline">消息</span>
        {n ? (
          <span
            data-testid="unread-count"
            className="absolute -top-1 right-0 min-w-5 rounded-full bg-destructive px-1 text-center text-xs leading-5 font-medium text-white"
          >
            {shown}
          </span>
        ) : null}
      </Link>
    </Button>
  );
}
