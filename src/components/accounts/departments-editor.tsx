"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";

export function DepartmentsEditor() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const list = useQuery(trpc.department.list.queryOptions());
  const refresh = () => void qc.invalidateQueries({ queryKey: trpc.department.list.queryKey() });
  const onError = (e: { message: string }) => toast.error(e.message);
  const create = useMutation(
    trpc.department.create.mutationOptions({
      onSuccess: () => {
        setName("");
        toast.success("已添加部门");
        refresh();
      },
      onError,
    }),
  );
  const rename = useMutation(
    trpc.department.rename.mutationOptions({
      onSuccess: () => {
        setEditing(null);
        toast.success("已修改");
        refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(trpc.department.remove.mutationOptions({ onSuccess: () => (toast.success("已删除"), refresh()), onError }));
  const tooLong = [...name.trim()].length > 8;

  return (
    <div className="max-w-xl space-y-4">
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name: name.trim() });
        }}
      >
        <div className="flex-1 space-y-1">
          <Label htmlFor="dept-name">新部门名称</Label>
          <Input id="dept-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={tooLong ? true : undefined} />
          {tooLong ? <p className="text-sm text-destructive">部门名称最多 8 个字</p> : null}
        </div>
        <Button type="submit" disabled={create.isPending || !name.trim() || tooLong}>
          添加
        </Button>
      </form>
      {list.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : list.error ? (
        <p className="text-sm text-destructive">{list.error.message}</p>
      ) : !list.data.length ? (
        <EmptyState title="尚未设置部门" />
      ) : (
        <ul className="divide-y rounded-lg border">
          {list.data.map((d) => (
            <li key={d.id} className="flex items-center gap-2 px-3 py-2">
              {editing?.id === d.id ? (
                <form
                  className="flex flex-1 items-center gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    rename.mutate({ id: d.id, name: editing.name.trim() });
                  }}
                >
                  <Input aria-label="部门名称" value={editing.name} onChange={(e) => setEditing({ id: d.id, name: e.target.value })} autoFocus />
                  <Button size="sm" type="submit" disabled={rename.isPending}>
                    保存
                  </Button>
                  <Button size="sm" type="button" variant="outline" onClick={() => setEditing(null)}>
                    取消
                  </Button>
                </form>
              ) : (
                <>
                  <span className="flex-1">{d.name}</span>
                  <Button size="sm" variant="outline" onClick={() => setEditing({ id: d.id, name: d.name })}>
                    改名
                  </Button>
                  <Button size="sm" variant="destructive" disabled={remove.isPending} onClick={() => remove.mutate({ id: d.id })}>
                    删除
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
