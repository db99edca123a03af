import "server-only";
import { changePasswordInput, contactInput } from "@/lib/schemas/accounts";
import { changePassword } from "@/server/services/accounts/passwords";
import { profileOf, updateContact } from "@/server/services/accounts/profile";
import { passwordChangeProcedure, protectedProcedure, router } from "../../trpc";

/**
 * The caller's own account (any role, also while the registration is pending). While an administrator's
 * forced reset is pending, only `get` (the change-password page renders from it) and `changePassword` answer.
 */
export const profileRouter = router({
  get: passwordChangeProcedure.query(({ ctx }) => profileOf(ctx.db, ctx.user)),
  changePassword: passwordChangeProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.user.id, ctx.actor, input)),
  updateContact: protectedProcedure.input(contactInput).mutation(({ ctx, input }) => updateContact(ctx.db, ctx, input)),
});
