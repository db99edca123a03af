"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
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
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";

export type LifecycleVerb = "stop" | "enable" | "scrap" | "remove";

const TEXT: Record<LifecycleVerb, { label: string; title: string; body: string; done: string }> = {
  stop: { label: "停用", title: "停用器具", body: "停用后器具不再参与检定提醒，可随时启用。", done: "已停用" },
  enable: { label: "启用", title: "启用器具", body: "启用后器具状态变为“在用”。", done: "已启用" },
  scrap: { label: "报废", title: "报废器具", body: "只有停用的器具才能报废；报废后如需继续使用可再启用。", done: "已报废" },
  remove: { label: "删除", title: "删除器具", body: "删除后不可恢复；只能删除从未备案的器具。", done: "已删除" },
};

/** R-LED-2 stop / enable / scrap / delete with a confirmation; the server decides again. */
export function LifecycleActions({ ids, verbs, onDone, size = "sm" }: { ids: number[]; verbs: LifecycleVerb[]; onDone?: (verb: LifecycleVerb) => void; size?: "sm" | "default" }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [pending, setPending] = useState<LifecycleVerb | null>(null);
  const options = { onSettled: () => qc.invalidateQueries({ queryKey: trpc.ledger.pathKey() }) };
  const m = {
    stop: useMutation(trpc.ledger.stop.mutationOptions(options)),
    enable: useMutation(trpc.ledger.enable.mutationOptions(options)),
    scrap: useMutation(trpc.ledger.scrap.mutationOptions(options)),
    remove: useMutation(trpc.ledger.remove.mutationOptions(options)),
  };
  async function run(verb: LifecycleVerb) {
    try {
      await m[verb].mutateAsync({ ids });
      toast.success(`${TEXT[verb].done}${ids.length > 1 ? ` ${ids.length} 台器具` : ""}`);
      onDone?.(verb);
      router.refresh();
    } catch (e) {
      toast.error(e instanceof Error ? e.message : "操作失败");
    } finally {
      setPending(null);
    }
  }
  return (
    <>
      {verbs.map((v) => (
        <Button key={v} type="button" size={size} variant={v === "remove" || v === "scrap" ? "destructive" : "outline"} disabled={!ids.length} onClick={() => setPending(v)}>
          {TEXT[v].label}
        </Button>
      ))}
      <AlertDialog open={pending !== null} onOpenChange={(o) => !o && setPending(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{pending ? TEXT[pending].title : ""}</AlertDialogTitle>
            <AlertDialogDescription>
              {pending ? `确定${TEXT[pending].label}${ids.length > 1 ? `所选的 ${ids.length} 台器具` : "该器具"}吗？${TEXT[pending].body}` : ""}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>取消</AlertDialogCancel>
            <AlertDialogAction
              onClick={(e) => {
                e.preventDefault();
                if (pending) void run(pending);
              }}
            >
              确定{pending ? TEXT[pending].label : ""}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
