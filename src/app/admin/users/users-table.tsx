"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useState } from "react";
import { RegionPicker } from "@/components/region/region-picker";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatDateTime } from "@/lib/format";
import { ORG_STATUS_LABEL, ROLE_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";

type Role = keyof typeof ROLE_LABEL;

export function UsersTable() {
  const trpc = useTRPC();
  const pages = useKeysetPages();
  const [q, setQ] = useState("");
  const [filters, setFilters] = useState<{ q?: string; role?: Role; regionCode?: string }>({});
  const { data, isPending, isFetching } = useQuery({
    ...trpc.admin.users.queryOptions({ ...filters, limit: 20, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const qc = useQueryClient();
  const actionOpts = (text: string) => ({
    onSuccess: () => {
      toast.success(text);
      void qc.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
    },
    onError: (e: { message: string }) => toast.error(e.message),
  });
  const disable = useMutation(trpc.accountAdmin.disableUser.mutationOptions(actionOpts("账户已停用，其登录已失效")));
  const enable = useMutation(trpc.accountAdmin.enableUser.mutationOptions(actionOpts("账户已启用")));
  const forceReset = useMutation(trpc.accountAdmin.forcePasswordReset.mutationOptions(actionOpts("已要求该用户下次登录时设置新密码")));
  const acting = disable.isPending || enable.isPending || forceReset.isPending;
  const apply = (next: typeof filters) => {
    setFilters(next);
    pages.reset();
  };

  return (
    <div className="space-y-4">
      <form
        className="grid gap-3 rounded-lg border p-3 md:grid-cols-[1fr_10rem]"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ ...filters, q: q.trim() || undefined });
        }}
      >
        <div className="space-y-1">
          <Label htmlFor="user-q">关键字</Label>
          <Input id="user-q" placeholder="用户名、姓名或单位名称" value={q} onChange={(e) => setQ(e.target.value)} maxLength={40} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="user-role">角色</Label>
          <Select value={filters.role ?? "all"} onValueChange={(v) => apply({ ...filters, role: v === "all" ? undefined : (v as Role) })}>
            <SelectTrigger id="user-role" className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">全部角色</SelectItem>
              {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
                <SelectItem key={r} value={r}>
                  {ROLE_LABEL[r]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="space-y-1 md:col-span-2">
          <span className="text-sm font-medium">所在地区</span>
          <RegionPicker idPrefix="user-region" value={filters.regionCode ?? ""} onChange={(code) => apply({ ...filters, regionCode: code || undefined })} />
        </div>
        <div className="flex items-end gap-2 md:col-span-2">
          <Button type="submit">查询</Button>
          <Button
            type="button"
            variant="outline"
            onClick={() => {
              setQ("");
              apply({});
            }}
          >
            重置
          </Button>
        </div>
      </form>

      <ListState pending={isPending} empty={!data?.items.length} emptyTitle="没有符合条件的用户" emptyDescription="请调整筛选条件后再试">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>用户名</TableHead>
              <TableHead>姓名</TableHead>
              <TableHead>角色</TableHead>
              <TableHead>所属单位</TableHead>
              <TableHead>状态</TableHead>
              <TableHead>最近登录</TableHead>
              <TableHead>操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(data?.items ?? []).map((u) => (
              <TableRow key={u.id}>
                <TableCell className="font-mono">{u.username}</TableCell>
                <TableCell>{u.displayName}</TableCell>
                <TableCell>{ROLE_LABEL[u.role]}</TableCell>
                <TableCell className="max-w-64 truncate">
                  {u.orgName ?? "—"}
                  {u.orgStatus && u.orgStatus !== "approved" ? (
                    <Badge variant="warning" className="ml-2">
                      {ORG_STATUS_LABEL[u.orgStatus]}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell>
                  {!u.active ? (
                    <Badge variant="destructive">已停用</Badge>
                  ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                    <Badge variant="warning">已锁定</Badge>
                  ) : (
                    <Badge variant="success">正常</Badge>
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap">{formatDateTime(u.lastLoginAt)}</TableCell>
                <TableCell className="space-x-2 whitespace-nowrap">
                  {u.role === "admin" ? null : u.active ? (
                    <Button size="sm" variant="outline" disabled={acting} onClick={() => disable.mutate({ id: u.id })}>
                      停用
                    </Button>
                  ) : (
                    <Button size="sm" variant="outline" disabled={acting} onClick={() => enable.mutate({ id: u.id })}>
                      启用
                    </Button>
                  )}
                  {u.role === "admin" ? null : (
                    <Button size="sm" variant="outline" disabled={acting} onClick={() => forceReset.mutate({ id: u.id })}>
                      要求重设密码
                    </Button>
                  )}
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
