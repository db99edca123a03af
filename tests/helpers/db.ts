import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { migrate, openDb, type Database } from "@/server/db/open";
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
export async function openEmptyTestDb(opts: { migrate?: boolean } = {}): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDb({ dataDir: "memory://", migrate: opts.migrate });
  const name = `qjt_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDb({ url: u.toString(), migrate: opts.migrate });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * A fresh database migrated only up to and including migration `tag` (e.g. "0000_init"), to test what a later
 * migration does to existing rows. Finish with `migrate(database)` to apply the rest.
 */
export async function openTestDbAt(tag: string): Promise<Database> {
  const journal = JSON.parse(readFileSync(path.join("drizzle", "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  if (upTo < 0) throw new Error(`no migration ${tag}`);
  const dir = mkdtempSync(path.join(tmpdir(), "qjt-migrations-"));
  mkdirSync(path.join(dir, "meta"));
  const entries = journal.entries.slice(0, upTo + 1);
  writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(path.join("drizzle", `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  const database = await openEmptyTestDb({ migrate: false });
  try {
    await migrate(database, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return database;
}
