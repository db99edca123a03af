"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/react";

const STATUS = { pending: "待审核", approved: "已关联", rejected: "已拒绝", removed: "已删除" } as const;
type Status = keyof typeof STATUS;

export function MembersTable() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Status | "all">("pending");
  const list = useQuery(trpc.membership.list.queryOptions({ status: status === "all" ? undefined : status }));
  const me = useQuery(trpc.profile.get.queryOptions());
  const isOwner = me.data?.memberRole === "owner";
  const opts = (text: string) => ({
    onSuccess: () => {
      toast.success(text);
      void qc.invalidateQueries({ queryKey: trpc.membership.list.queryKey() });
    },
    onError: (e: { message: string }) => toast.error(e.message),
  });
  const approve = useMutation(trpc.membership.approve.mutationOptions(opts("已通过，该用户已成为本单位成员")));
  const reject = useMutation(trpc.membership.reject.mutationOptions(opts("已拒绝")));
  const remove = useMutation(trpc.membership.remove.mutationOptions(opts("已删除该成员")));
  const busy = approve.isPending || reject.isPending || remove.isPending;

  return (
    <div className="space-y-4">
      <Tabs value={status} onValueChange={(v) => setStatus(v as Status | "all")}>
        <TabsList>
          <TabsTrigger value="pending">待审核</TabsTrigger>
          <TabsTrigger value="approved">已关联</TabsTrigger>
          <TabsTrigger value="all">全部</TabsTrigger>
        </TabsList>
      </Tabs>
      {me.data && !isOwner ? (
        <p className="rounded-md bg-muted px-3 py-2 text-sm" role="status">
          只有本单位管理员可以审核关联申请和删除成员。
        </p>
      ) : null}
      {list.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : list.error ? (
        <p className="text-sm text-destructive">{list.error.message}</p>
      ) : !list.data.length ? (
        <EmptyState title={status === "pending" ? "暂无待审核的关联申请" : "暂无成员记录"} />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>用户名</TableHead>
              <TableHead>姓名</TableHead>
              <TableHead className="hidden sm:table-cell">手机号码</TableHead>
              <TableHead>状态</TableHead>
              <TableHead className="hidden md:table-cell">申请时间</TableHead>
              <TableHead>操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.map((m) => (
              <TableRow key={m.id}>
                <TableCell className="font-mono">{m.username}</TableCell>
                <TableCell>
                  {m.displayName}
                  {m.memberRole === "owner" ? (
                    <Badge className="ml-2" variant="secondary">
                      管理员
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell className="hidden sm:table-cell">{m.phone ?? "—"}</TableCell>
                <TableCell>
                  <Badge variant={m.status === "approved" ? "success" : m.status === "pending" ? "warning" : "outline"}>{STATUS[m.status]}</Badge>
                </TableCell>
                <TableCell className="hidden whitespace-nowrap md:table-cell">{formatDateTime(m.createdAt)}</TableCell>
                <TableCell className="space-x-2 whitespace-nowrap">
                  {!isOwner ? null : m.status === "pending" ? (
                    <>
                      <Button size="sm" disabled={busy} onClick={() => approve.mutate({ id: m.id })}>
                        通过
                      </Button>
                      <Button size="sm" variant="outline" disabled={busy} onClick={() => reject.mutate({ id: m.id })}>
                        拒绝
                      </Button>
                    </>
                  ) : m.status === "approved" && m.memberRole !== "owner" ? (
                    <Button size="sm" variant="destructive" disabled={busy} onClick={() => remove.mutate({ id: m.id })}>
                      删除
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
