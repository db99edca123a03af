import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "./open";

/**
 * Runs `fn` with parallel query off (SET LOCAL in its own transaction, or savepoint inside one). For a query whose
 * plan looks dear but is quick in fact — a bitmap over a GIN index that finds few rows or none, ANDed with an
 * enterprise's million-row btree range it then never reads — the planner starts two parallel workers, and
 * starting them costs 15–35 ms on a busy 2-core machine while the scan itself takes 0.05 ms (the ledger's
 * 2-character search at 10M instruments: 44.5 ms).
 */
export function withoutParallelWorkers<T>(db: Queryable, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return fn(tx);
  });
}
