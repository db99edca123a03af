import { and, desc, eq, type SQL } from "drizzle-orm";
import { joinRequestInput, membershipIdInput, membershipListInput, membershipRejectInput } from "@/lib/schemas/accounts";
import { memberships, organisations, users } from "@/server/db/schema";
import { applyToJoin, decideMembership } from "@/server/services/accounts/memberships";
import { actorOf } from "../../actor";
import { roleProcedure, router } from "../../trpc";
import { personalProcedure } from "./procedures";

const enterprise = roleProcedure("enterprise");

/** Personal users join enterprises by USCC; the enterprise's owner decides (seed 004 2.5). */
export const membershipRouter = router({
  requestJoin: personalProcedure.input(joinRequestInput).mutation(({ ctx, input }) => applyToJoin(ctx.db, ctx.user, actorOf(ctx), input.uscc)),

  /** The personal user's own requests and their outcome. */
  mine: personalProcedure.query(({ ctx }) =>
    ctx.db
      .select({ id: memberships.id, status: memberships.status, reason: memberships.reason, createdAt: memberships.createdAt, orgName: organisations.name })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.orgId))
      .where(eq(memberships.userId, ctx.user.id))
      .orderBy(desc(memberships.id))
      .limit(20),
  ),

  /** Members and requests of the caller's own enterprise (R-SCOPE-1). */
  list: enterprise.input(membershipListInput).query(({ ctx, input }) => {
    const where: (SQL | undefined)[] = [
      eq(memberships.orgId, ctx.user.org!.id),
      input.status ? eq(memberships.status, input.status) : undefined,
    ];
    return ctx.db
      .select({
        id: memberships.id,
        status: memberships.status,
        memberRole: memberships.memberRole,
        reason: memberships.reason,
        createdAt: memberships.createdAt,
        decidedAt: memberships.decidedAt,
        username: users.username,
        displayName: users.displayName,
        phone: users.phone,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(...where))
      .orderBy(desc(memberships.id))
      .limit(500);
  }),

  approve: enterprise.input(membershipIdInput).mutation(({ ctx, input }) => decideMembership(ctx.db, ctx.user, actorOf(ctx), input.id, "approve")),
  reject: enterprise
    .input(membershipRejectInput)
    .mutation(({ ctx, input }) => decideMembership(ctx.db, ctx.user, actorOf(ctx), input.id, "reject", input.reason)),
  remove: enterprise.input(membershipIdInput).mutation(({ ctx, input }) => decideMembership(ctx.db, ctx.user, actorOf(ctx), input.id, "remove")),
});
