import "server-only";
import { outboxIdInput, outboxListInput, userIdInput } from "@/lib/schemas/accounts";
import { outboxPage, retryOutbox } from "@/server/services/accounts/outbox";
import { forcePasswordReset, setUserActive } from "@/server/services/accounts/passwords";
import { adminProcedure, router } from "../../trpc";

/** Administrator account actions and the message outbox (消息发件箱). */
export const accountAdminRouter = router({
  disableUser: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    await setUserActive(ctx.db, ctx.actor, input.id, false);
    return { ok: true };
  }),
  enableUser: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    await setUserActive(ctx.db, ctx.actor, input.id, true);
    return { ok: true };
  }),
  forcePasswordReset: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    await forcePasswordReset(ctx.db, ctx.actor, input.id);
    return { ok: true };
  }),
  outbox: adminProcedure.input(outboxListInput).query(({ ctx, input }) => outboxPage(ctx.db, ctx.scope, input)),
  retryOutbox: adminProcedure.input(outboxIdInput).mutation(({ ctx, input }) => retryOutbox(ctx.db, ctx.scope, ctx.actor, input.id)),
});
