import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { outboxListInput, userIdInput } from "@/lib/schemas/accounts";
import { outbox } from "@/server/db/schema";
import { forcePasswordReset, setUserActive } from "@/server/services/accounts/passwords";
import { actorOf } from "../../actor";
import { roleProcedure, router } from "../../trpc";

const admin = roleProcedure("admin");

/** Administrator account actions and the message outbox (消息发件箱). */
export const accountAdminRouter = router({
  disableUser: admin.input(userIdInput).mutation(async ({ ctx, input }) => {
    await setUserActive(ctx.db, actorOf(ctx), input.id, false);
    return { ok: true };
  }),
  enableUser: admin.input(userIdInput).mutation(async ({ ctx, input }) => {
    await setUserActive(ctx.db, actorOf(ctx), input.id, true);
    return { ok: true };
  }),
  forcePasswordReset: admin.input(userIdInput).mutation(async ({ ctx, input }) => {
    await forcePasswordReset(ctx.db, actorOf(ctx), input.id);
    return { ok: true };
  }),
  outbox: admin.input(outboxListInput).query(async ({ ctx, input }) => {
    const where: (SQL | undefined)[] = [
      input.cursor ? lt(outbox.id, input.cursor) : undefined,
      input.recipient ? eq(outbox.recipient, input.recipient) : undefined,
    ];
    const rows = await ctx.db
      .select()
      .from(outbox)
      .where(and(...where))
      .orderBy(desc(outbox.id))
      .limit(input.limit + 1);
    const hasMore = rows.length > input.limit;
    const items = hasMore ? rows.slice(0, input.limit) : rows;
    return { items, nextCursor: hasMore ? items[items.length - 1]!.id : null };
  }),
});
