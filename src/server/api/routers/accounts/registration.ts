import "server-only";
import { registrationIdInput, registrationQueueInput, rejectInput } from "@/lib/schemas/accounts";
import { myRegistration, registrationById, registrationQueue } from "@/server/services/accounts/registration-queries";
import { reviewRegistration } from "@/server/services/accounts/review-registration";
import { protectedProcedure, reviewerProcedure, router } from "../../trpc";

export const registrationRouter = router({
  /** R-ACC-3 review queue of the caller (admin: all; legal city institution: enterprises of its city). */
  queue: reviewerProcedure.input(registrationQueueInput).query(({ ctx, input }) => registrationQueue(ctx.db, ctx.user, input)),
  /** One registration in the caller's queue, with its documents; outside the queue: NOT_FOUND. */
  byId: reviewerProcedure.input(registrationIdInput).query(({ ctx, input }) => registrationById(ctx.db, ctx.user, input.id)),
  approve: reviewerProcedure
    .input(registrationIdInput)
    .mutation(({ ctx, input }) => reviewRegistration(ctx.db, ctx.user, ctx.actor, { id: input.id, approve: true })),
  reject: reviewerProcedure
    .input(rejectInput)
    .mutation(({ ctx, input }) => reviewRegistration(ctx.db, ctx.user, ctx.actor, { id: input.id, approve: false, reason: input.reason })),
  /** The applicant's own registration (any review state), for the review-state page and resubmission. */
  mine: protectedProcedure.query(({ ctx }) => myRegistration(ctx.db, ctx.user)),
});
