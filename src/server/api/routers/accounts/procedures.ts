import { TRPCError } from "@trpc/server";
import { ERRORS } from "@/server/errors";
import { protectedProcedure } from "../../trpc";

/** Personal users (no organisation, so roleProcedure's approval check does not apply to them). */
export const personalProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "personal") throw new TRPCError({ code: "FORBIDDEN", message: ERRORS.FORBIDDEN_ROLE.message });
  return next({ ctx });
});
