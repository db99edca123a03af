import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import type { Queryable } from "./open";

/** A value of a bulk-written row: text, number, null, or a text array. */
export type BulkValue = string | number | null | undefined | string[];

/** The postgres.js client under a Drizzle transaction (PostgresJsSession.client), or null on PGlite. */
type CopyClient = { unsafe: (q: string) => { writable: () => Promise<NodeJS.WritableStream> } };
function copyClient(tx: Queryable): CopyClient | null {
  const client = (tx as unknown as { session?: { client?: { unsafe?: unknown } } }).session?.client;
  return client && typeof client.unsafe === "function" ? (client as CopyClient) : null;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const COPY_ESCAPE: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const arrayLiteral = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;

/** One value in COPY's text format (null is \N; a text array is written as its array literal). */
export function copyText(v: BulkValue): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "number") return String(v);
  const s = Array.isArray(v) ? arrayLiteral(v) : v;
  return NEEDS_ESCAPE.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPE[c]!) : s;
}

/** One row as a line of COPY's text format. */
export const copyLine = (row: BulkValue[]) => `${row.map(copyText).join("\t")}\n`;

/**
 * Rows made ready for `writeBulk` on the engine of `tx`: COPY lines on PostgreSQL, the JSON of an
 * INSERT … SELECT on PGlite. Apart from the write so that the caller can prepare the next rows while the
 * database still writes the last ones (issue 14 item 3).
 */
export type PreparedBulk = { kind: "copy"; lines: string[] } | { kind: "insert"; json: string };
export function prepareBulk(tx: Queryable, columns: readonly string[], rows: BulkValue[][]): PreparedBulk {
  if (copyClient(tx)) return { kind: "copy", lines: rows.map(copyLine) };
  return { kind: "insert", json: JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])))) };
}

/** Appends prepared rows to `table` inside the caller's transaction. `table` and `columns` are trusted identifiers. */
export async function writeBulk(tx: Queryable, table: string, columns: readonly string[], rows: PreparedBulk): Promise<void> {
  if (rows.kind === "copy") {
    if (!rows.lines.length) return;
    const sink = await copyClient(tx)!.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
    await pipeline(Readable.from(rows.lines), sink);
    return;
  }
  const cols = sql.raw(columns.join(", "));
  await tx.execute(sql`insert into ${sql.raw(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.raw(table)}, ${rows.json}::json)`);
}

/**
 * Appends rows to `table` inside the caller's transaction: on PostgreSQL with COPY FROM STDIN (postgres.js
 * `.writable()`), on embedded PGlite (no COPY from the client) with one set-based INSERT … SELECT over
 * json_populate_recordset per call. `table` and `columns` are trusted identifiers, never user input.
 * Returns the path taken.
 */
export async function bulkInsert(tx: Queryable, table: string, columns: readonly string[], rows: BulkValue[][]): Promise<"copy" | "insert"> {
  if (!rows.length) return "insert";
  const prepared = prepareBulk(tx, columns, rows);
  await writeBulk(tx, table, columns, prepared);
  return prepared.kind;
}
