import "server-only";
import { and, asc, eq, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { outbox } from "@/server/db/schema";
import { afterFailure, errorText, LEASE_MS, PROVIDER_TIMEOUT_MS } from "@/server/domain/notify/delivery";
import type { OutboxMessage, Providers } from "@/server/notify/providers";
import { OUTBOX_CHANNEL_LABEL } from "@/lib/vocab/outbox-channel";
import { chinaToday } from "@/lib/china-day";
import { sweepClaimed, sweepIfDue } from "./sweep";

export type DeliveryReport = { claimed: number; sent: number; retried: number; failed: number };

/**
 * The outbox delivery worker, one pass (R-NTF-1). Claims up to `limit` due rows — queued ones whose time has
 * come, and `sending` ones whose lease ran out (their worker died) — then sends each through its channel's
 * provider outside any transaction, and records the outcome.
 *
 * The claim is one UPDATE over a `FOR UPDATE SKIP LOCKED` select, so it is its own short transaction and two
 * workers (threads, processes, servers) never claim one row: the second skips rows the first holds, and a
 * row the first already claimed is no longer due (its `nextAttemptAt` is the end of its lease).
 */
export async function deliverDue(db: DB, opts: { now?: Date; limit?: number; providers: Providers }): Promise<DeliveryReport> {
  const now = opts.now ?? new Date();
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    // `not in (sent, failed)` is the due index's predicate (outbox_due_idx), so the claim reads only that index.
    .where(and(notInArray(outbox.status, ["sent", "failed"]), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(opts.limit ?? 50)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ status: "sending", attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(inArray(outbox.id, due))
    .returning();
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };
  for (const row of claimed.sort((a, b) => a.id - b.id)) {
    const outcome = await attempt(opts.providers, row);
    // Only the claim this worker holds is settled: if the lease ran out and another worker took the row over
    // (attempts moved on), its outcome is that worker's to record.
    const mine = and(eq(outbox.id, row.id), eq(outbox.status, "sending"), eq(outbox.attempts, row.attempts));
    if (outcome.ok) {
      await db.update(outbox).set({ status: "sent", sentAt: now, lastError: null }).where(mine);
      report.sent++;
      continue;
    }
    const next = afterFailure(row.attempts, now);
    await db
      .update(outbox)
      .set(next.status === "failed" ? { status: "failed", lastError: outcome.error } : { ...next, lastError: outcome.error })
      .where(mine);
    if (next.status === "failed") report.failed++;
    else report.retried++;
    // A channel refusing a message is an expected condition: one line, no stack.
    console.warn(`[outbox] #${row.id} ${row.channel} 第 ${row.attempts} 次发送失败${next.status === "failed" ? "，不再重试" : ""}：${outcome.error}`);
  }
  return report;
}

const CHANNEL_NAME = OUTBOX_CHANNEL_LABEL;

async function attempt(providers: Providers, row: OutboxMessage): Promise<{ ok: true } | { ok: false; error: string }> {
  const provider = providers[row.channel];
  if (!provider) return { ok: false, error: `没有配置${CHANNEL_NAME[row.channel]}渠道的发送方式` };
  let timer: NodeJS.Timeout | undefined;
  try {
    // A provider that hangs must not hold the row past its lease (another worker would send it too).
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`发送超时（${PROVIDER_TIMEOUT_MS / 1000} 秒）`)), PROVIDER_TIMEOUT_MS);
    });
    const { id, channel, recipient, subject, body, template, data } = row;
    await Promise.race([provider.send({ id, channel, recipient, subject, body, template, data }), timeout]);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  } finally {
    clearTimeout(timer);
  }
}

const STARTED = Symbol.for("qjt.outboxWorker");

let sweptDay: string | null = null;

/** R-WRN-1: the expiry sweep, from this worker, once per China calendar day (see sweepIfDue). */
async function dailySweep(db: DB) {
  const now = new Date();
  if (sweptDay === chinaToday(now)) return;
  try {
    const r = await sweepIfDue(db, now);
    if (r) console.info(`[sweep] ${r.day}：到期预警 ${r.warned.due30} 台，超期 ${r.warned.expired} 台，通知 ${r.enterprises} 家使用单位，日报 ${r.digests} 份`);
    // Claimed by this or another process, or done: check again tomorrow. Before the hour: check again later.
    if (r || (await sweepClaimed(db, chinaToday(now)))) sweptDay = chinaToday(now);
  } catch (err) {
    console.error(`[sweep] 到期预警失败：${errorText(err)}`);
  }
}

/**
 * Runs `deliverDue` every `intervalMs` inside this process — started once per process (instrumentation.ts),
 * never overlapping itself, and not keeping the process alive. Several server processes may each run one:
 * the claim keeps them apart.
 */
export function startOutboxWorker(db: DB, providers: Providers, intervalMs = 5000) {
  const g = globalThis as { [STARTED]?: boolean };
  if (g[STARTED]) return;
  g[STARTED] = true;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDue(db, { providers })
      .catch((err: unknown) => console.error(`[outbox] 投递失败：${errorText(err)}`))
      .then(() => dailySweep(db))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
}
