import "server-only";
import { lt, sql, type SQL } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { executePrepared } from "@/server/db/prepared";
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
  const [row] = await statements(db).hit.execute({ key: limitKey(ip) });
  await sweepNowAndThen(db);
  return verdict(row!.hits, new Date(row!.windowStart).getTime(), limit);
}

const limitKey = (ip: string | null) => `lookup:${ip ?? "unknown"}`;

/** Old windows are deleted by about one request in a thousand. */
async function sweepNowAndThen(db: DB) {
  if (Math.random() < 0.001) await db.delete(publicRateCounters).where(lt(publicRateCounters.windowStart, sql`now() - interval '10 minutes'`));
}

function verdict(hits: number, windowStartMs: number, limit: number): LimitVerdict {
  if (hits <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStartMs + 60_000 - Date.now()) / 1000)) };
}

/**
 * One public lookup in ONE database round trip (issue 11 #7, #8): counts the client address's hit (as
 * hitPublicLimit), and only if that hit is allowed runs `lookup` (a SELECT of at most one row) and logs it (as
 * logPublicLookup) — a single statement with data-modifying CTEs. A refused hit neither looks up nor logs.
 * The statement commits without waiting for the disk (synchronous_commit off for this transaction only): a
 * counter or a log row is not worth a WAL flush per page view (5–15 ms on a small disk); after a crash at most
 * the last fraction of a second of hits and log rows is lost, never anything else.
 * Answers the verdict and the looked-up row (null when refused or not found).
 */
export async function limitedLookup<T extends Record<string, unknown>>(
  db: DB,
  a: { kind: "certificate" | "label" | "search"; subject: string; ip: string | null; limit?: number },
  lookup: SQL,
): Promise<{ verdict: LimitVerdict; row: T | null }> {
  const limit = a.limit ?? PUBLIC_LOOKUPS_PER_MINUTE;
  const rows = await executePrepared<{ qjt_hits: number; qjt_window_ms: number; qjt_found: boolean } & T>(
    db,
    `public_limited_${a.kind}`,
    sql`
      with hit as (
        insert into ${publicRateCounters} (key, window_start, hits) values (${limitKey(a.ip)}, date_trunc('minute', now()), 1)
        on conflict (key, window_start) do update set hits = ${publicRateCounters}.hits + 1
        returning hits, window_start
      ),
      ok as (
        select hits, (extract(epoch from window_start) * 1000)::float8 as window_ms, hits <= ${limit} as allowed,
          set_config('synchronous_commit', 'off', true) as async_commit
        from hit
      ),
      found as (${lookup}),
      picked as (select true as qjt_present, found.* from found where (select allowed from ok) limit 1),
      logged as (
        insert into ${publicLookups} (kind, subject, found, ip)
        select ${a.kind}, ${a.subject.slice(0, 64)}, exists (select 1 from picked), ${a.ip} where (select allowed from ok)
      )
      select ok.hits as qjt_hits, ok.window_ms as qjt_window_ms, coalesce(picked.qjt_present, false) as qjt_found, picked.* from ok left join picked on true`,
  );
  await sweepNowAndThen(db);
  const r = rows[0]!;
  const v = verdict(Number(r.qjt_hits), Number(r.qjt_window_ms), limit);
  return { verdict: v, row: v.allowed && r.qjt_found ? r : null };
}

/** Logs one public lookup: what was asked and whether it was found, with the client address only (issue 11 #1). */
export async function logPublicLookup(db: DB, kind: "certificate" | "label" | "search", subject: string, found: boolean, ip: string | null) {
  await statements(db).log.execute({ kind, subject: subject.slice(0, 64), found, ip });
}
