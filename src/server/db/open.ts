import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { acquireDirLock } from "./lock";
import * as schema from "./schema";

type Schema = typeof schema;
/** Both drivers type-check against this. */
export type DB = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or a transaction. */
export type Queryable = DB | Tx;

export type Database = { db: DB; kind: "postgres" | "pglite"; close: () => Promise<void> };

export type OpenOptions = {
  url?: string;
  /** PGlite data directory, or "memory://" for a throwaway in-memory database. */
  dataDir?: string;
  migrate?: boolean;
};

const migrationsFolder = path.join(process.cwd(), "drizzle");

/**
 * Opens the database and brings its schema up to date — nothing more. Reference data and the demo seed are
 * separate steps (src/server/seed/prepare.ts) run by the start-up, `npm run db:reset` and the test helper,
 * so the database layer imports no service.
 */
export async function openDb(opts: OpenOptions = {}): Promise<Database> {
  const database = opts.url ? await openPostgres(opts.url) : await openPglite(opts.dataDir ?? "memory://");
  try {
    if (opts.migrate !== false) await migrate(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

async function openPostgres(url: string): Promise<Database> {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头");
  const postgres = (await import("postgres")).default;
  const client = postgres(url, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {} });
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const db = drizzle(client, { schema }) as unknown as DB;
  return { db, kind: "postgres", close: () => client.end() };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  let release = () => {};
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    // Two processes on one PGlite directory silently lose data: refuse the second opener.
    release = acquireDirLock(dataDir);
  }
  const { PGlite } = await import("@electric-sql/pglite");
  // The ledger's search indexes need pg_trgm and btree_gin (migration 0015): PGlite loads an extension only
  // when it is passed at creation.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { btree_gin } = await import("@electric-sql/pglite/contrib/btree_gin");
  const client = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { pg_trgm, btree_gin } });
  const { drizzle } = await import("drizzle-orm/pglite");
  const db = drizzle(client, { schema }) as unknown as DB;
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** Applies the migrations of `folder` (default: drizzle/) not yet applied; tests pass a shorter history. */
export async function migrate(database: Database, folder = migrationsFolder) {
  if (database.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator wants the driver's own type
    await migrate(database.db as any, { migrationsFolder: folder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator wants the driver's own type
    await migrate(database.db as any, { migrationsFolder: folder });
  }
}
