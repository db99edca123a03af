import { and, eq } from "drizzle-orm";
import { changePasswordInput, contactInput } from "@/lib/schemas/accounts";
import { memberships, users } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { changePassword } from "@/server/services/accounts/passwords";
import { writeAudit } from "@/server/services/audit";
import { actorOf } from "../../actor";
import { protectedProcedure, router } from "../../trpc";

/** The caller's own account (any role, also while the registration is pending). */
export const profileRouter = router({
  get: protectedProcedure.query(async ({ ctx }) => {
    const [u] = await ctx.db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        phone: users.phone,
        email: users.email,
        mustChangePassword: users.mustChangePassword,
        memberRole: memberships.memberRole,
      })
      .from(users)
      .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, users.orgId), eq(memberships.status, "approved")))
      .where(eq(users.id, ctx.user.id))
      .limit(1);
    if (!u) throw notFound();
    return { ...u, orgName: ctx.user.org?.name ?? null };
  }),
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.user.id, actorOf(ctx), input)),
  updateContact: protectedProcedure.input(contactInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx
        .select({ displayName: users.displayName, phone: users.phone, email: users.email })
        .from(users)
        .where(eq(users.id, ctx.user.id));
      const after = { displayName: input.displayName, phone: input.phone, email: input.email || null };
      await tx.update(users).set(after).where(eq(users.id, ctx.user.id));
      await writeAudit(tx, actorOf(ctx), { action: "user.update_contact", entityType: "user", entityId: ctx.user.id, before, after });
      return after;
    });
  }),
});
