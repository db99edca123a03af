import "server-only";
import { config } from "@/server/config";
import { openDb, type Database, type DB } from "./open";
import { readRouted } from "./replica";

export type { DB, Tx, Database } from "./open";

const g = globalThis as unknown as { __qjtDb?: Promise<Database>; __qjtReadDb?: Promise<DB> };

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

/**
 * The database for reads that may lag a moment behind (dashboards, public pages): DATABASE_REPLICA_URL's
 * replica behind Drizzle's withReplicas when set (writes through it still go to the primary), else getDb().
 * The replica is never migrated: it follows the primary's WAL.
 */
export function getReadDb(): Promise<DB> {
  g.__qjtReadDb ??= (async () => {
    const primary = (await getDb()).db;
    const url = config.databaseReplicaUrl;
    return readRouted(primary, url ? (await openDb({ url, migrate: false })).db : null);
  })().catch((err: unknown) => {
    g.__qjtReadDb = undefined;
    throw err;
  });
  return g.__qjtReadDb;
}
