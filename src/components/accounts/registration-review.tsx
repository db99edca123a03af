"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { ListPager } from "@/components/list/list-pager";
import { ListState } from "@/components/list/list-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { formatDateTime } from "@/lib/format";
import { ORG_KIND_LABEL, ORG_STATUS_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { RegistrationDetails } from "./registration-details";

type Status = "pending" | "rejected" | "approved";

/** R-ACC-3 review queue: the caller's pending registrations, each opened to approve or reject with a reason. */
export function RegistrationReview() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const pages = useKeysetPages();
  const [status, setStatus] = useState<Status>("pending");
  const [openId, setOpenId] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const list = useQuery({ ...trpc.registration.queue.queryOptions({ status, limit: 20, cursor: pages.cursor }), placeholderData: keepPreviousData });
  const detail = useQuery(trpc.registration.byId.queryOptions({ id: openId ?? 0 }, { enabled: openId !== null }));
  const done = (text: string) => {
    toast.success(text);
    setOpenId(null);
    setRejecting(false);
    setReason("");
    void qc.invalidateQueries({ queryKey: trpc.registration.queue.queryKey() });
  };
  const approve = useMutation(trpc.registration.approve.mutationOptions({ onSuccess: () => done("已审核通过") }));
  const reject = useMutation(trpc.registration.reject.mutationOptions({ onSuccess: () => done("已退回，申请人将看到退回原因") }));
  const error = approve.error ?? reject.error;

  return (
    <div className="space-y-4">
      <Tabs
        value={status}
        onValueChange={(v) => {
          setStatus(v as Status);
          pages.reset();
        }}
      >
        <TabsList>
          <TabsTrigger value="pending">待审核</TabsTrigger>
          <TabsTrigger value="rejected">已退回</TabsTrigger>
          <TabsTrigger value="approved">已通过</TabsTrigger>
        </TabsList>
      </Tabs>
      <ListState pending={list.isPending} empty={!list.data?.items.length} emptyTitle={status === "pending" ? "暂无待审核的注册申请" : "暂无记录"} emptyDescription="新的注册申请提交后会出现在这里">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>名称</TableHead>
              <TableHead>类型</TableHead>
              <TableHead className="hidden md:table-cell">统一社会信用代码</TableHead>
              <TableHead className="hidden sm:table-cell">地区</TableHead>
              <TableHead className="hidden lg:table-cell">提交时间</TableHead>
              <TableHead>操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(list.data?.items ?? []).map((r) => (
              <TableRow key={r.id}>
                <TableCell className="max-w-56 truncate font-medium">{r.name}</TableCell>
                <TableCell className="whitespace-nowrap">{ORG_KIND_LABEL[r.kind]}</TableCell>
                <TableCell className="hidden font-mono md:table-cell">{r.uscc}</TableCell>
                <TableCell className="hidden sm:table-cell">{r.regionName ?? r.regionCode}</TableCell>
                <TableCell className="hidden whitespace-nowrap lg:table-cell">{formatDateTime(r.submittedAt)}</TableCell>
                <TableCell>
                  <Button size="sm" variant={status === "pending" ? "default" : "outline"} onClick={() => setOpenId(r.id)}>
                    {status === "pending" ? "审核" : "查看"}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <ListPager pages={pages} nextCursor={list.data?.nextCursor} busy={list.isFetching} />

      <Dialog
        open={openId !== null}
        onOpenChange={(o) => {
          if (!o) {
            setOpenId(null);
            setRejecting(false);
            approve.reset();
            reject.reset();
          }
        }}
      >
        <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>注册审核</DialogTitle>
            <DialogDescription>核对申请信息和证照后，审核通过或填写原因退回</DialogDescription>
          </DialogHeader>
          {detail.data ? (
            <>
              <div className="flex items-center gap-2">
                <Badge variant={detail.data.status === "approved" ? "success" : "warning"}>{ORG_STATUS_LABEL[detail.data.status]}</Badge>
              </div>
              <RegistrationDetails data={detail.data} />
            </>
          ) : detail.error ? (
            <p className="text-sm text-destructive">{detail.error.message}</p>
          ) : (
            <Skeleton className="h-48 w-full" />
          )}
          {rejecting ? (
            <div className="space-y-1">
              <Label htmlFor="reject-reason">退回原因（申请人可见）</Label>
              <Textarea id="reject-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder="例如：营业执照不清晰，请重新上传" />
            </div>
          ) : null}
          {error ? (
            <p className="text-sm text-destructive" role="alert">
              {error.message}
            </p>
          ) : null}
          {detail.data?.status === "pending" ? (
            <DialogFooter className="gap-2">
              {rejecting ? (
                <>
                  <Button variant="outline" onClick={() => setRejecting(false)}>
                    取消
                  </Button>
                  <Button variant="destructive" disabled={reject.isPending} onClick={() => reject.mutate({ id: openId!, reason })}>
                    确认退回
                  </Button>
                </>
              ) : (
                <>
                  <Button variant="outline" onClick={() => setRejecting(true)}>
                    退回
                  </Button>
                  <Button disabled={approve.isPending} onClick={() => approve.mutate({ id: openId! })}>
                    审核通过
                  </Button>
                </>
              )}
            </DialogFooter>
          ) : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}
