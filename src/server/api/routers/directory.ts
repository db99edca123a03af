import { z } from "zod";
import { authorisationInput } from "@/lib/schemas/directory";
import { readAuthorisation, updateAuthorisation } from "@/server/services/public/authorisation";
import { reviewerProcedure, router } from "../trpc";

/** Issue 11 #5: the directory's authorisation facts, kept by the institution's owner or an administrator. */
export const directoryRouter = router({
  authorisation: reviewerProcedure.input(z.object({ orgId: z.number().int().positive().optional() })).query(({ ctx, input }) => readAuthorisation(ctx.db, ctx.user, input.orgId)),
  updateAuthorisation: reviewerProcedure.input(authorisationInput).mutation(({ ctx, input }) => updateAuthorisation(ctx.db, ctx.user, ctx.actor, input)),
});
