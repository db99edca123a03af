import "server-only";
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import type { catalogueImportInput } from "@/lib/schemas/reference";
import type { Actor } from "@/server/authz/caller";
import type { DB } from "@/server/db/open";
import { parseCatalogueRecords } from "@/server/domain/catalogue/parse-catalogue";
import { AppError } from "@/server/errors";
import { importCatalogue } from "./import-catalogue";

/**
 * R-CAT-3: an administrator checks, then imports, a catalogue CSV (columns of data/README.md). Without
 * `commit` nothing is written; with it, the checked rows become the current version.
 */
export async function importCatalogueCsv(db: DB, caller: { actor: Actor }, input: z.infer<typeof catalogueImportInput>) {
  let records: Record<string, string>[];
  try {
    records = parse(input.csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch {
    throw new AppError("BAD_INPUT", "无法解析 CSV 文件：请确认是 UTF-8 编码、逗号分隔，且第一行为列名");
  }
  const parsed = parseCatalogueRecords(records);
  if (!parsed.ok) return { imported: false as const, errors: parsed.errors.slice(0, 200), errorCount: parsed.errors.length };
  if (!input.commit) return { imported: false as const, errors: [], errorCount: 0, kinds: parsed.rows.length };
  const result = await importCatalogue(db, caller.actor, { name: input.name, rows: parsed.rows });
  return { imported: true as const, errors: [], errorCount: 0, ...result };
}
