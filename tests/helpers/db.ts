import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDb, type Database } from "@/server/db/open";
import { prepareData } from "@/server/seed/prepare";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway database on the
 * PostgreSQL server named by DATABASE_URL (dropped afterwards). Reference data is always loaded; the demo
 * data too unless `demo: false` (opening a database seeds nothing by itself — issue 8 step 6).
 */
export async function openTestDb(opts: { demo?: boolean } = {}): Promise<Database> {
  const database = await openEmptyTestDb();
  try {
    await prepareData(database, { demo: opts.demo ?? true });
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/** A fresh, migrated database with no data at all (same engine choice as openTestDb). */
export async function openEmptyTestDb(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDb({ dataDir: "memory://" });
  const name = `qjt_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDb({ url: u.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
