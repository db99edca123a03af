import "server-only";
import { catalogueImportInput } from "@/lib/schemas/reference";
import { currentCatalogue } from "@/server/services/catalogue/current";
import { importCatalogueCsv } from "@/server/services/catalogue/import-csv";
import { adminProcedure, publicProcedure, router } from "../trpc";

export const catalogueRouter = router({
  /** The current catalogue: every kind with its item, supervision, purposes and regime (public, SPEC §8). */
  current: publicProcedure.query(({ ctx }) => currentCatalogue(ctx.db)),
  /** R-CAT-3: an administrator checks, then imports, a catalogue CSV (columns of data/README.md). */
  importCsv: adminProcedure.input(catalogueImportInput).mutation(({ ctx, input }) => importCatalogueCsv(ctx.db, ctx, input)),
});
