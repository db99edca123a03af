import "server-only";
import { appointmentIdInput, deskListInput, rejectInput, rescheduleInput } from "@/lib/schemas/appointment-desk";
import { confirmAppointment, rejectAppointment, rescheduleAppointment } from "@/server/services/appointments/desk-decide";
import { listDeskAppointments } from "@/server/services/appointments/desk-queries";
import { deskOpenSlots } from "@/server/services/appointments/desk-slots";
import { institutionProcedure, router } from "../../trpc";

/** 预约确认 (issue 10 item 3): the institution's appointments — list, confirm, 修改预约时间, 拒绝. */
export const appointmentDeskRouter = router({
  list: institutionProcedure.input(deskListInput).query(({ ctx, input }) => listDeskAppointments(ctx.db, ctx, input)),
  openSlots: institutionProcedure.input(appointmentIdInput).query(({ ctx, input }) => deskOpenSlots(ctx.db, ctx, input.id)),
  confirm: institutionProcedure.input(appointmentIdInput).mutation(({ ctx, input }) => confirmAppointment(ctx.db, ctx, input.id)),
  reschedule: institutionProcedure.input(rescheduleInput).mutation(({ ctx, input }) => rescheduleAppointment(ctx.db, ctx, input)),
  reject: institutionProcedure.input(rejectInput).mutation(({ ctx, input }) => rejectAppointment(ctx.db, ctx, input)),
});
