import "server-only";
import { appointmentIdInput, bookingCandidatesInput, bookingListInput, cancelItemsInput, createAppointmentsInput, prepareDueInput, splitInput, updateDraftInput } from "@/lib/schemas/booking";
import { getMyAppointment, listBookingCandidates, listMyAppointments, splitForBooking } from "@/server/services/appointments/booking-queries";
import { cancelItems, createAppointments, deleteDraft, submitAppointment, updateDraft } from "@/server/services/appointments/booking-write";
import { prepareDueDrafts } from "@/server/services/appointments/prepare-due";
import { enterpriseProcedure as enterprise, router } from "../../trpc";

/** 预约管理, enterprise side (issue 10 items 2–3): book, drafts, submit, 预约全部须检器具, cancel instruments. */
export const bookingRouter = router({
  /** 我的预约 / 被拒绝 (state filter). */
  list: enterprise.input(bookingListInput).query(({ ctx, input }) => listMyAppointments(ctx.db, ctx.scope, input)),
  /** One own appointment with its instruments (draft editor, 重新预约). */
  get: enterprise.input(appointmentIdInput).query(({ ctx, input }) => getMyAppointment(ctx.db, ctx.scope, input.id)),
  /** Bookable instruments (R-APT-1) with the ledger's filters. */
  candidates: enterprise.input(bookingCandidatesInput).query(({ ctx, input }) => listBookingCandidates(ctx.db, ctx.scope, input)),
  /** R-APT-2: how the chosen instruments split into appointments. */
  split: enterprise.input(splitInput).query(({ ctx, input }) => splitForBooking(ctx.db, ctx, input)),
  create: enterprise.input(createAppointmentsInput).mutation(({ ctx, input }) => createAppointments(ctx.db, ctx, input)),
  update: enterprise.input(updateDraftInput).mutation(({ ctx, input }) => updateDraft(ctx.db, ctx, input)),
  remove: enterprise.input(appointmentIdInput).mutation(({ ctx, input }) => deleteDraft(ctx.db, ctx, input.id)),
  submit: enterprise.input(appointmentIdInput).mutation(({ ctx, input }) => submitAppointment(ctx.db, ctx, input.id)),
  /** 预约全部须检器具 (R-BKT-1/2 → drafts). */
  prepareDue: enterprise.input(prepareDueInput).mutation(({ ctx, input }) => prepareDueDrafts(ctx.db, ctx, input)),
  cancelItems: enterprise.input(cancelItemsInput).mutation(({ ctx, input }) => cancelItems(ctx.db, ctx, input)),
});
