import "server-only";
import type { SQL } from "drizzle-orm";
import type { DB } from "./open";
import { rowsOf } from "./rows";

/** The two parts of Drizzle's database object that `.prepare("name")` uses (present on both drivers). */
type Internals = {
  dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(q: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): Statement };
};
type Statement = { execute(values?: Record<string, unknown>): Promise<unknown> };

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

const statements = new WeakMap<DB, Map<string, Statement>>();

/**
 * Like executePrepared for the hottest statements (the public lookups, issue 11 #7): the query is built and
 * turned into text once per database (`build` uses `sql.placeholder("…")` for its parameters), then only run
 * with `values`, so a request spends nothing on building SQL.
 */
export async function executeNamed<T>(db: DB, name: string, build: () => SQL, values: Record<string, unknown>): Promise<T[]> {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name);
  if (!statement) {
    const d = db as unknown as Internals;
    statement = d.session.prepareQuery(d.dialect.sqlToQuery(build()), undefined, name, false);
    byName.set(name, statement);
  }
  return rowsOf<T>(await statement.execute(values));
}
