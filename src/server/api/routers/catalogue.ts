import { parse } from "csv-parse/sync";
import { asc, eq } from "drizzle-orm";
import { catalogueItems, catalogueKinds, catalogueVersions } from "@/server/db/schema";
import { catalogueImportInput } from "@/lib/schemas/reference";
import { parseCatalogueRecords } from "@/server/domain/catalogue/parse-catalogue";
import { importCatalogue } from "@/server/services/catalogue/import-catalogue";
import { AppError } from "@/server/errors";
import { publicProcedure, roleProcedure, router } from "../trpc";
import { actorOf } from "../actor";

export const catalogueRouter = router({
  /** The current catalogue: every kind with its item, supervision, purposes and regime (public, SPEC §8). */
  current: publicProcedure.query(async ({ ctx }) => {
    const [version] = await ctx.db.select().from(catalogueVersions).where(eq(catalogueVersions.isCurrent, true)).limit(1);
    if (!version) return { version: null, kinds: [] };
    const kinds = await ctx.db
      .select({
        id: catalogueKinds.id,
        itemId: catalogueItems.id,
        itemName: catalogueItems.name,
        name: catalogueKinds.name,
        supervision: catalogueKinds.supervision,
        purposes: catalogueKinds.purposes,
        regime: catalogueKinds.regime,
        periodMonths: catalogueKinds.periodMonths,
        serviceLifeYears: catalogueKinds.serviceLifeYears,
        notes: catalogueKinds.notes,
      })
      .from(catalogueKinds)
      .innerJoin(catalogueItems, eq(catalogueItems.id, catalogueKinds.itemId))
      .where(eq(catalogueKinds.versionId, version.id))
      .orderBy(asc(catalogueItems.id), asc(catalogueKinds.id));
    return { version: { id: version.id, name: version.name, importedAt: version.importedAt }, kinds };
  }),

  /** R-CAT-3: an administrator checks, then imports, a catalogue CSV (columns of data/README.md). */
  importCsv: roleProcedure("admin")
    .input(catalogueImportInput)
    .mutation(async ({ ctx, input }) => {
      let records: Record<string, string>[];
      try {
        records = parse(input.csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
      } catch {
        throw new AppError("BAD_INPUT", "无法解析 CSV 文件：请确认是 UTF-8 编码、逗号分隔，且第一行为列名");
      }
      const parsed = parseCatalogueRecords(records);
      if (!parsed.ok) return { imported: false as const, errors: parsed.errors.slice(0, 200), errorCount: parsed.errors.length };
      if (!input.commit) return { imported: false as const, errors: [], errorCount: 0, kinds: parsed.rows.length };
      const result = await importCatalogue(ctx.db, actorOf(ctx), { name: input.name, rows: parsed.rows });
      return { imported: true as const, errors: [], errorCount: 0, ...result };
    }),
});
