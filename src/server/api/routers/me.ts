import { scopeOf } from "@/server/authz/scope";
import { homeFigures } from "@/server/services/jurisdiction/home-figures";
import { protectedProcedure, router } from "../trpc";

export const meRouter = router({
  /** Who the caller is, their organisation, and the figures their home page shows (any role, any scope). */
  home: protectedProcedure.query(async ({ ctx }) => ({ user: ctx.user, figures: await homeFigures(ctx.db, scopeOf(ctx)) })),
});
