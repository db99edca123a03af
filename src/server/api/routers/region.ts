import "server-only";
import { regionChildrenInput, regionPathInput } from "@/lib/schemas/reference";
import { regionChildren, regionPath } from "@/server/services/region/regions";
import { publicProcedure, router } from "../trpc";

export const regionRouter = router({
  /** Provinces when no parent is given; else the cities of a province or the counties of a city. */
  children: publicProcedure.input(regionChildrenInput).query(({ ctx, input }) => regionChildren(ctx.db, input)),
  /** The chain province → … → the region itself, for showing a code as names. */
  path: publicProcedure.input(regionPathInput).query(({ ctx, input }) => regionPath(ctx.db, input)),
});
