import "server-only";
import { closedDayIdInput, closedDayInput, saveSlotsInput } from "@/lib/schemas/appointments";
import { addClosedDay, appointmentSettings, removeClosedDay, saveSlots } from "@/server/services/appointments/settings";
import { institutionProcedure, router } from "../../trpc";

/** 预约设置 of the caller's own institution (issue 10 item 1): slots, capacities and closed days. */
export const appointmentSettingsRouter = router({
  get: institutionProcedure.query(({ ctx }) => appointmentSettings(ctx.db, ctx)),
  saveSlots: institutionProcedure.input(saveSlotsInput).mutation(({ ctx, input }) => saveSlots(ctx.db, ctx, input)),
  addClosedDay: institutionProcedure.input(closedDayInput).mutation(({ ctx, input }) => addClosedDay(ctx.db, ctx, input)),
  removeClosedDay: institutionProcedure.input(closedDayIdInput).mutation(({ ctx, input }) => removeClosedDay(ctx.db, ctx, input)),
});
