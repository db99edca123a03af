import "server-only";
import { sql } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { executePrepared } from "@/server/db/prepared";
import { publicLookups, publicRateCounters } from "@/server/db/schema";

/** Public lookups and searches allowed per client address per minute (issue 11 #8); PUBLIC_LOOKUPS_PER_MINUTE overrides. */
export const PUBLIC_LOOKUPS_PER_MINUTE = Number(process.env.PUBLIC_LOOKUPS_PER_MINUTE ?? 60);

/** How often a process writes its buffered hits and lookup log rows (ms), and how many log rows force a write sooner. */
export const PUBLIC_FLUSH_MS = 200;
export const PUBLIC_FLUSH_ROWS = 500;

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };
export type LookupKind = "certificate" | "label" | "search";
type LogRow = { kind: LookupKind; subject: string; found: boolean; ip: string | null };
/** One client address in one minute: the database total as the last flush read it back, and this process's hits since. */
type Count = { key: string; windowMs: number; flushed: number; pending: number };

const MINUTE = 60_000;
const limitKey = (ip: string | null) => `lookup:${ip ?? "unknown"}`;

function verdict(hits: number, windowMs: number, limit: number, now: number): LimitVerdict {
  if (hits <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowMs + MINUTE - now) / 1000)) };
}

/**
 * The public pages' writes kept off the request path (issue 11 #7, #8): one per process and database.
 *
 * - Rate limit: each hit is counted in memory per client address and minute; every PUBLIC_FLUSH_MS the counts
 *   go to `public_rate_counters` in one upsert per address (`hits = hits + delta`), which answers the
 *   database total, every process's hits included. A hit is allowed while that total (as of the last flush) plus
 *   this process's unflushed hits stays within the limit. So the count is shared by every server process, and a
 *   process may overshoot the limit by at most the hits other processes took in one flush interval that it has
 *   not read back yet (exact within one process).
 * - Lookup log: rows are buffered and written every PUBLIC_FLUSH_MS (or at PUBLIC_FLUSH_ROWS rows) with one
 *   multi-row INSERT, in the same statement as the counters, committed without waiting for the disk
 *   (synchronous_commit off for that transaction only). A crash loses at most the last flush interval's hits and
 *   log rows, never anything else; a clean stop (SIGTERM/SIGINT through server.mjs, or the event loop emptying)
 *   flushes first (flushPublicWrites).
 * A failed flush keeps its hits and rows for the next one (log rows up to 10,000, then the oldest are dropped).
 */
export class PublicWrites {
  private readonly counts = new Map<string, Count>();
  /** The counts with unflushed hits (a flush need not walk every address seen this minute). */
  private dirty = new Set<Count>();
  private logs: LogRow[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private lastSweep = 0;

  constructor(
    private readonly db: DB,
    private readonly o: { intervalMs: number; maxRows: number } = { intervalMs: PUBLIC_FLUSH_MS, maxRows: PUBLIC_FLUSH_ROWS },
  ) {}

  /** Counts one lookup of this client address in the current minute and says whether it is allowed (no database access). */
  hit(ip: string | null, limit = PUBLIC_LOOKUPS_PER_MINUTE, now = Date.now()): LimitVerdict {
    const windowMs = Math.floor(now / MINUTE) * MINUTE;
    const key = limitKey(ip);
    const id = `${windowMs} ${key}`;
    let c = this.counts.get(id);
    if (!c) this.counts.set(id, (c = { key, windowMs, flushed: 0, pending: 0 }));
    c.pending++;
    this.dirty.add(c);
    this.schedule();
    return verdict(c.flushed + c.pending, windowMs, limit, now);
  }

  /** Buffers one lookup log row: what was asked and whether it was found, with the client address only (issue 11 #1). */
  log(kind: LookupKind, subject: string, found: boolean, ip: string | null) {
    this.logs.push({ kind, subject: subject.slice(0, 64), found, ip });
    if (this.logs.length >= this.o.maxRows) void this.flush().catch(reportFlushError);
    else this.schedule();
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch(reportFlushError);
    }, this.o.intervalMs);
    this.timer.unref?.();
  }

  /** Writes what is buffered now (flushes run one after another). */
  flush(): Promise<void> {
    const run = this.chain.then(
      () => this.flushOnce(),
      () => this.flushOnce(),
    );
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async flushOnce() {
    const now = Date.now();
    const current = Math.floor(now / MINUTE) * MINUTE;
    for (const [id, c] of this.counts) if (c.windowMs < current && c.pending === 0) this.counts.delete(id);
    const logs = this.logs;
    this.logs = [];
    const deltas = [...this.dirty].map((c) => ({ c, delta: c.pending }));
    this.dirty = new Set();
    if (logs.length || deltas.length) {
      let rows: { key: string | null; ms: number | null; hits: number | null }[];
      try {
        rows = await executePrepared(
          this.db,
          "public_writes_flush",
          sql`
          with sc as (select set_config('synchronous_commit', 'off', true) as off),
          logged as (
            insert into ${publicLookups} (kind, subject, found, ip)
            select kind, subject, found, ip from json_to_recordset(${JSON.stringify(logs)}::json) as x(kind text, subject text, found boolean, ip text)
          ),
          counted as (
            insert into ${publicRateCounters} (key, window_start, hits)
            select key, to_timestamp(ms / 1000.0), delta from json_to_recordset(${JSON.stringify(deltas.map(({ c, delta }) => ({ key: c.key, ms: c.windowMs, delta })))}::json) as y(key text, ms float8, delta integer)
            on conflict (key, window_start) do update set hits = ${publicRateCounters}.hits + excluded.hits
            returning key, (extract(epoch from window_start) * 1000)::float8 as ms, hits
          )
          select counted.key, counted.ms, counted.hits from sc left join counted on true`,
        );
      } catch (err) {
        this.logs = [...logs, ...this.logs].slice(-10_000);
        for (const { c } of deltas) this.dirty.add(c);
        throw err;
      }
      const totals = new Map(rows.filter((r) => r.key != null).map((r) => [`${Number(r.ms)} ${r.key}`, Number(r.hits)]));
      for (const { c, delta } of deltas) {
        c.pending -= delta;
        c.flushed = totals.get(`${c.windowMs} ${c.key}`) ?? c.flushed + delta;
      }
    }
    if (now - this.lastSweep > MINUTE) {
      this.lastSweep = now;
      await executePrepared(this.db, "public_rate_sweep", sql`delete from ${publicRateCounters} where ${publicRateCounters.windowStart} < now() - interval '10 minutes'`);
    }
  }
}

function reportFlushError(err: unknown) {
  console.error("[强检通] 公开查询计数与日志写入失败，下次重试", err);
}

/** The process's buffers, one per database; kept on globalThis so every route bundle shares them. */
const g = globalThis as unknown as { __qjtPublicWrites?: Map<DB, PublicWrites>; __qjtBeforeExit?: Set<() => Promise<void>> };

/** This process's public writes buffer for `db`. */
export function publicWrites(db: DB): PublicWrites {
  if (!g.__qjtPublicWrites) {
    g.__qjtPublicWrites = new Map();
    (g.__qjtBeforeExit ??= new Set()).add(flushPublicWrites);
    process.once("beforeExit", () => void flushPublicWrites());
  }
  let w = g.__qjtPublicWrites.get(db);
  if (!w) g.__qjtPublicWrites.set(db, (w = new PublicWrites(db)));
  return w;
}

/** Writes every buffered hit and log row of this process now (on shutdown; tests). */
export async function flushPublicWrites(): Promise<void> {
  await Promise.all([...(g.__qjtPublicWrites?.values() ?? [])].map((w) => w.flush().catch(reportFlushError)));
}

/** Counts one public lookup of this client address and says whether it is allowed (see PublicWrites). */
export function hitPublicLimit(db: DB, ip: string | null, limit = PUBLIC_LOOKUPS_PER_MINUTE): LimitVerdict {
  return publicWrites(db).hit(ip, limit);
}

/** Logs one public lookup (buffered, see PublicWrites). */
export function logPublicLookup(db: DB, kind: LookupKind, subject: string, found: boolean, ip: string | null) {
  publicWrites(db).log(kind, subject, found, ip);
}
