import "server-only";
import type { SQL } from "drizzle-orm";
import type { DB } from "./open";
import { rowsOf } from "./rows";

/** The two parts of Drizzle's database object that `.prepare("name")` uses (present on both drivers). */
type Internals = {
  dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(q: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<unknown> } };
};

/**
 * Runs a raw statement the way Drizzle runs a query builder's `.prepare("name")`: on postgres.js it is parsed
 * and planned once per connection, where `db.execute` sends it unnamed (parsed and planned on every call). For
 * hot statements a query builder cannot write, such as the public lookups' data-modifying CTEs (issue 11 #7).
 * Answers the rows on either engine.
 */
export async function executePrepared<T>(db: DB, name: string, query: SQL): Promise<T[]> {
  const d = db as unknown as Internals;
  return rowsOf<T>(await d.session.prepareQuery(d.dialect.sqlToQuery(query), undefined, name, false).execute());
}
