import { organisationByIdInput } from "@/lib/schemas/admin";
import { scopeOf } from "@/server/authz/scope";
import { organisationById } from "@/server/services/jurisdiction/organisation";
import { protectedProcedure, router } from "../trpc";

export const organisationRouter = router({
  /** One organisation the caller may see (R-SCOPE-1…4): anything else is NOT_FOUND. */
  byId: protectedProcedure.input(organisationByIdInput).query(({ ctx, input }) => organisationById(ctx.db, scopeOf(ctx), input.id)),
});
