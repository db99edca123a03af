import "server-only";
import { config } from "@/server/config";
import { openDb, type Database } from "./open";

export type { DB, Tx, Database } from "./open";

const g = globalThis as unknown as { __qjtDb?: Promise<Database> };

/** The process-wide database: PostgreSQL when DATABASE_URL is set, else embedded PGlite under .data/ (migrated, not seeded). */
export function getDb(): Promise<Database> {
  g.__qjtDb ??= openDb({ url: config.databaseUrl, dataDir: config.pgliteDir }).catch(
    (err: unknown) => {
      g.__qjtDb = undefined;
      throw err;
    },
  );
  return g.__qjtDb;
}
