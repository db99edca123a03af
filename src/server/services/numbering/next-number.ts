import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { sequences, type SequenceKind } from "@/server/db/schema";

/**
 * The one numbering service (issue 8 step 5): takes the next `count` consecutive numbers of a sequence and
 * returns the first. The upsert locks the counter row until the caller's transaction ends, so concurrent
 * callers queue on it and never share a number, on PostgreSQL and PGlite alike; a rolled-back transaction
 * gives its numbers back. Call it inside the transaction that uses the number.
 */
export async function nextNumber(tx: Queryable, kind: SequenceKind, scopeKey: string, period: string, count = 1): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`nextNumber: bad count ${count}`);
  const [row] = await tx
    .insert(sequences)
    .values({ kind, scopeKey, period, n: count })
    .onConflictDoUpdate({ target: [sequences.kind, sequences.scopeKey, sequences.period], set: { n: sql`${sequences.n} + ${count}` } })
    .returning({ n: sequences.n });
  return row!.n - count + 1;
}
