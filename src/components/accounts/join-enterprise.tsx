"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { Field } from "./fields";

const STATUS = { pending: "待审核", approved: "已关联", rejected: "已拒绝", removed: "已删除" } as const;

export function JoinEnterprise() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [uscc, setUscc] = useState("");
  const mine = useQuery(trpc.membership.mine.queryOptions());
  const join = useMutation(
    trpc.membership.requestJoin.mutationOptions({
      onSuccess: () => {
        setUscc("");
        void qc.invalidateQueries({ queryKey: trpc.membership.mine.queryKey() });
      },
    }),
  );
  const open = mine.data?.some((m) => m.status === "pending");
  return (
    <Card>
      <CardHeader>
        <CardTitle>申请关联使用单位</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            join.mutate({ uscc: uscc.trim() });
          }}
        >
          <Field
            name="uscc"
            label="单位统一社会信用代码"
            className="flex-1"
            maxLength={18}
            value={uscc}
            onChange={(e) => setUscc(e.target.value)}
            error={join.error?.message}
          />
          <Button type="submit" disabled={join.isPending || open || !uscc.trim()}>
            申请关联
          </Button>
        </form>
        {join.isSuccess ? (
          <p className="text-sm" role="status" data-testid="join-sent">
            已向“{join.data.orgName}”提交关联申请，请等待单位管理员审核。
          </p>
        ) : null}
        {mine.data?.length ? (
          <ul className="divide-y rounded-lg border text-sm">
            {mine.data.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
                <span className="flex-1">{m.orgName}</span>
                <Badge variant={m.status === "pending" ? "warning" : m.status === "approved" ? "success" : "outline"}>{STATUS[m.status]}</Badge>
                <span className="text-muted-foreground">{formatDateTime(m.createdAt)}</span>
                {m.reason ? <span className="w-full text-muted-foreground">原因：{m.reason}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}
