"use client";

import { useAppointment } from "@/components/appointments/detail/use-appointment";
import { ConfirmButton } from "./confirm-button";
import { RejectDialog } from "./reject-dialog";
import { RescheduleDialog } from "./reschedule-dialog";

const DECIDABLE = ["submitted", "confirmed", "rescheduled"];

/** 预约确认 buttons of the institution's detail page, by the appointment's state (R-APT-4). */
export function DeskActions({ id }: { id: number }) {
  const { data: a } = useAppointment(id);
  if (!a || a.viewer !== "institution" || !DECIDABLE.includes(a.state)) return null;
  return (
    <>
      {a.state === "submitted" ? <ConfirmButton id={a.id} number={a.number} /> : null}
      <RescheduleDialog id={a.id} />
      <RejectDialog id={a.id} number={a.number} />
    </>
  );
}
