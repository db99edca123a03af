import "server-only";
import { joinRequestInput, membershipIdInput, membershipListInput, membershipRejectInput } from "@/lib/schemas/accounts";
import { membershipList, myMembershipRequests } from "@/server/services/accounts/membership-queries";
import { applyToJoin, decideMembership } from "@/server/services/accounts/memberships";
import { enterpriseProcedure, personalProcedure, router } from "../../trpc";

/** Personal users join enterprises by USCC; the enterprise's owner decides (seed 004 2.5). */
export const membershipRouter = router({
  requestJoin: personalProcedure.input(joinRequestInput).mutation(({ ctx, input }) => applyToJoin(ctx.db, ctx.user, ctx.actor, input.uscc)),
  /** The personal user's own requests and their outcome. */
  mine: personalProcedure.query(({ ctx }) => myMembershipRequests(ctx.db, ctx.user.id)),
  /** Members and requests of the caller's own enterprise (R-SCOPE-1). */
  list: enterpriseProcedure.input(membershipListInput).query(({ ctx, input }) => membershipList(ctx.db, ctx.scope, input)),
  approve: enterpriseProcedure.input(membershipIdInput).mutation(({ ctx, input }) => decideMembership(ctx.db, ctx.user, ctx.actor, input.id, "approve")),
  reject: enterpriseProcedure
    .input(membershipRejectInput)
    .mutation(({ ctx, input }) => decideMembership(ctx.db, ctx.user, ctx.actor, input.id, "reject", input.reason)),
  remove: enterpriseProcedure.input(membershipIdInput).mutation(({ ctx, input }) => decideMembership(ctx.db, ctx.user, ctx.actor, input.id, "remove")),
});
