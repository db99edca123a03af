import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDb, type Database } from "@/server/db/open";

/**
 * A fresh, migrated database with reference and demo data for one test file: in-memory PGlite by default,
 * or a throwaway database on the PostgreSQL server named by DATABASE_URL (dropped afterwards).
 */
export async function openTestDb(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDb({ dataDir: "memory://", seedDemo: true });
  const name = `qjt_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDb({ url: u.toString(), seedDemo: true });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
