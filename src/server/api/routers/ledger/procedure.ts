import { TRPCError } from "@trpc/server";
import { ERRORS } from "@/server/errors";
import { actorOf } from "../../actor";
import { roleProcedure } from "../../trpc";

/**
 * Enterprise users acting on their own ledger: narrows the context to the caller's organisation id and the
 * audit actor, so procedures never reach for `ctx.user.org` themselves.
 */
export const enterpriseProcedure = roleProcedure("enterprise").use(({ ctx, next }) => {
  const org = ctx.user.org;
  if (!org || org.kind !== "enterprise") throw new TRPCError({ code: "FORBIDDEN", message: ERRORS.FORBIDDEN_ROLE.message });
  return next({ ctx: { ...ctx, orgId: org.id, actor: { ...actorOf(ctx), orgId: org.id } } });
});
