import "server-only";
import type { Database } from "@/server/db/open";
import { seedDemo } from "./demo";
import { seedReference } from "./reference";

/**
 * Whether a database gets the demo organisations and accounts (issue 9 item 3): `SEED_DEMO=1` / `0` decide;
 * unset, only the embedded database does — an empty PostgreSQL database is a real deployment and must never
 * receive `admin / Demo@2026` by accident (its first administrator comes from `npm run admin:create`).
 */
export function wantsDemo(kind: Database["kind"], seedDemoSetting: boolean | undefined): boolean {
  return seedDemoSetting ?? kind === "pglite";
}

/**
 * The data steps after the migrations: reference data (regions, catalogue sample) always, idempotently; the
 * demo seed once on an empty database when `demo` is set. Run by the server start-up
 * (src/instrumentation.ts), `npm run db:reset` and the test helper — never by opening the database.
 */
export async function prepareData(database: Database, opts: { demo: boolean }): Promise<{ demoSeeded: boolean }> {
  await seedReference(database.db);
  const demoSeeded = opts.demo ? await seedDemo(database.db) : false;
  return { demoSeeded };
}
