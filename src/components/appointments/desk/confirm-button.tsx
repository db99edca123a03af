"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "@/components/appointments/confirm-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { useDeskRefresh } from "./use-desk-mutation";

/** 确认: 已提交 → 已确认 after one confirmation step. */
export function ConfirmButton({ id, number }: { id: number; number: string | null }) {
  const trpc = useTRPC();
  const refresh = useDeskRefresh();
  const [open, setOpen] = useState(false);
  const confirm = useMutation(
    trpc.appointmentDesk.confirm.mutationOptions({
      onSuccess: () => (toast.success("已确认预约"), refresh()),
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <>
      <Button size="sm" disabled={confirm.isPending} onClick={() => setOpen(true)}>
        确认预约
      </Button>
      <ConfirmDialog
        open={open}
        title="确认预约"
        description={`确认受理预约单 ${number ?? ""}？企业将看到“已确认”。`}
        action="确认"
        onCancel={() => setOpen(false)}
        onConfirm={() => (setOpen(false), confirm.mutate({ id }))}
      />
    </>
  );
}
