import "server-only";
/**
 * Rows of a raw `db.execute(sql…)`: PGlite answers `{ rows }`, postgres.js an array. One place knows that,
 * so raw queries read the same on both engines.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
