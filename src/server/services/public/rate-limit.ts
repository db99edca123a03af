import "server-only";
import { lt, sql } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { publicLookups, publicRateCounters } from "@/server/db/schema";

/** Public lookups and searches allowed per client address per minute (issue 11 #8); PUBLIC_LOOKUPS_PER_MINUTE overrides. */
export const PUBLIC_LOOKUPS_PER_MINUTE = Number(process.env.PUBLIC_LOOKUPS_PER_MINUTE ?? 60);

const prepared = new WeakMap<DB, ReturnType<typeof prepare>>();
function prepare(db: DB) {
  const hit = db
    .insert(publicRateCounters)
    .values({ key: sql.placeholder("key"), windowStart: sql`date_trunc('minute', now())`, hits: 1 })
    .onConflictDoUpdate({ target: [publicRateCounters.key, publicRateCounters.windowStart], set: { hits: sql`${publicRateCounters.hits} + 1` } })
    .returning({ hits: publicRateCounters.hits, windowStart: publicRateCounters.windowStart })
    .prepare("public_rate_hit");
  const log = db
    .insert(publicLookups)
    .values({ kind: sql.placeholder("kind"), subject: sql.placeholder("subject"), found: sql.placeholder("found"), ip: sql.placeholder("ip") })
    .prepare("public_lookup_log");
  return { hit, log };
}
function statements(db: DB) {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one public lookup of this client address in the current minute, in the database (so every server
 * process shares the count) and says whether it is allowed. An unknown address (no trusted server in front)
 * shares one bucket. Old windows are swept now and then.
 */
export async function hitPublicLimit(db: DB, ip: string | null, limit = PUBLIC_LOOKUPS_PER_MINUTE): Promise<LimitVerdict> {
  const [row] = await statements(db).hit.execute({ key: `lookup:${ip ?? "unknown"}` });
  if (Math.random() < 0.001) await db.delete(publicRateCounters).where(lt(publicRateCounters.windowStart, sql`now() - interval '10 minutes'`));
  if (row!.hits <= limit) return { allowed: true };
  const windowEnd = new Date(row!.windowStart).getTime() + 60_000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000)) };
}

/** Logs one public lookup: what was asked and whether it was found, with the client address only (issue 11 #1). */
export async function logPublicLookup(db: DB, kind: "certificate" | "label" | "search", subject: string, found: boolean, ip: string | null) {
  await statements(db).log.execute({ kind, subject: subject.slice(0, 64), found, ip });
}
