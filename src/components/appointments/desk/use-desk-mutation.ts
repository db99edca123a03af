"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** After a decision: the detail, the 预约确认 list and the slot choices are stale. */
export function useDeskRefresh() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: trpc.appointmentView.detail.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.appointmentDesk.list.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.appointmentDesk.openSlots.queryKey() });
  };
}
