"use client";

import { ListState } from "@/components/list/list-state";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { METHOD_LABEL } from "@/lib/words";
import { useTRPC } from "@/trpc/react";
import { CapabilityForm, type CapabilityDraft } from "./capability-form";

/** 检定能力维护 (seed 002): the institution's rows, enable/disable, edit, delete. */
export function CapabilityTable() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { data, isPending } = useQuery(trpc.capability.list.queryOptions());
  const [draft, setDraft] = useState<CapabilityDraft | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.capability.list.queryKey() });
  const toggle = useMutation(trpc.capability.setEnabled.mutationOptions({ onSuccess: refresh, onError: (e) => toast.error(e.message) }));
  const remove = useMutation(
    trpc.capability.remove.mutationOptions({
      onSuccess: () => {
        toast.success("已删除");
        void refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const items = data?.items ?? [];
  return (
    <div className="space-y-3">
      <div className="flex justify-end">
        <Button onClick={() => setDraft({ regions: [], rangeNote: "", dailyCapacity: "", enabled: true })}>新增检定能力</Button>
      </div>
      <ListState pending={isPending} empty={items.length === 0} emptyTitle="尚未维护检定能力" emptyDescription="企业备案时，平台只向具备相应检定能力且覆盖器具所在地的机构分配">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>项别 / 种别</TableHead>
              <TableHead>检定方式</TableHead>
              <TableHead>覆盖区域</TableHead>
              <TableHead>测量范围</TableHead>
              <TableHead className="text-right">每时段接收量</TableHead>
              <TableHead>状态</TableHead>
              <TableHead className="text-right">操作</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((c) => (
              <TableRow key={c.id}>
                <TableCell className="font-medium">
                  {c.itemName} / {c.kindName} <span className="text-xs text-muted-foreground">{c.supervision}</span>
                </TableCell>
                <TableCell>{METHOD_LABEL[c.method]}</TableCell>
                <TableCell className="max-w-56 whitespace-normal">{c.regions.length ? c.regions.map((r) => r.name).join("、") : `本机构辖区（${data?.jurisdiction ?? "—"}）`}</TableCell>
                <TableCell>{c.rangeNote ?? "—"}</TableCell>
                <TableCell className="text-right tabular-nums">{c.dailyCapacity ?? "不限"}</TableCell>
                <TableCell>{c.enabled ? <Badge variant="success">启用</Badge> : <Badge variant="secondary">停用</Badge>}</TableCell>
                <TableCell className="space-x-1 text-right whitespace-nowrap">
                  <Button size="sm" variant="ghost" onClick={() => toggle.mutate({ id: c.id, enabled: !c.enabled })}>
                    {c.enabled ? "停用" : "启用"}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() =>
                      setDraft({ id: c.id, kindId: c.kindId, method: c.method, regions: c.regions, rangeNote: c.rangeNote ?? "", dailyCapacity: c.dailyCapacity ? String(c.dailyCapacity) : "", enabled: c.enabled })
                    }
                  >
                    修改
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => window.confirm(`删除“${c.kindName} · ${METHOD_LABEL[c.method]}”的检定能力？`) && remove.mutate({ id: c.id })}>
                    删除
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ListState>
      <CapabilityForm draft={draft} jurisdiction={data?.jurisdiction ?? null} authorised={data?.institutionKind === "authorised"} onClose={() => setDraft(null)} />
    </div>
  );
}
