"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/**
 * The appointment as both sides read it (appointmentView.detail). Every section of the detail page calls this
 * hook; they share one cached query, so a helper adding a section needs no extra props.
 */
export function useAppointment(id: number) {
  const trpc = useTRPC();
  return useQuery(trpc.appointmentView.detail.queryOptions({ id }));
}

export type AppointmentData = NonNullable<ReturnType<typeof useAppointment>["data"]>;
