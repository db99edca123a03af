import "server-only";
import { appointmentIdInput } from "@/lib/schemas/appointment-desk";
import { appointmentDetail } from "@/server/services/appointments/view";
import { asSignedIn } from "@/server/authz/caller";
import { protectedProcedure, router } from "../../trpc";

/**
 * Reads both sides of an appointment call (issue 10 items 3–5): the enterprise its own, the institution those
 * made with it; other roles are refused inside the service (appointmentScope), out of scope is NOT_FOUND.
 */
export const appointmentViewRouter = router({
  detail: protectedProcedure.input(appointmentIdInput).query(({ ctx, input }) => appointmentDetail(ctx.db, asSignedIn(ctx.user, ctx.ip), input.id)),
});
