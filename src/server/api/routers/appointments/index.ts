import "server-only";
import { openSlotsInput } from "@/lib/schemas/appointments";
import { asSignedIn } from "@/server/authz/caller";
import { openSlotsFor } from "@/server/services/appointments/open-slots";
import { protectedProcedure, router } from "../../trpc";

export { appointmentSettingsRouter } from "./settings";
export { holidayRouter } from "./holiday";

/** Appointments (issue 10). For now the open days and slots of an institution (R-APT-5); booking joins here. */
export const appointmentRouter = router({
  openSlots: protectedProcedure.input(openSlotsInput).query(({ ctx, input }) => openSlotsFor(ctx.db, asSignedIn(ctx.user, ctx.ip), input)),
});
