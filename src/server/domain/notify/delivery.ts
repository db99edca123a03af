/**
 * R-NTF-1 delivery rules, pure: how long to wait after a failed attempt, when to give up, and how long a
 * worker may hold a claimed row before another worker may take it over.
 */

/** After this many failed attempts a message is `failed` (its last error stays visible to administrators). */
export const MAX_ATTEMPTS = 8;
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 3600_000;
/**
 * A row stays `sending` at most this long: a worker that died mid-delivery leaves it, and it becomes due again
 * when the lease runs out. Providers must give up well before it (see PROVIDER_TIMEOUT_MS).
 */
export const LEASE_MS = 5 * 60_000;
export const PROVIDER_TIMEOUT_MS = 60_000;

/** Wait before the next attempt after `attempts` failed ones: 1 min × 2^(attempts−1), capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (n - 1));
}

/** What a failed attempt (the `attempts`-th) leaves: queued again after the backoff, or failed for good. */
export function afterFailure(attempts: number, now: Date): { status: "pending"; nextAttemptAt: Date } | { status: "failed" } {
  if (attempts >= MAX_ATTEMPTS) return { status: "failed" };
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** An error as one line for the outbox (no stack: a provider's refusal is an expected condition). */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text || "未知错误").replace(/\s+/g, " ").slice(0, 500);
}

/**
 * An administrator's 重新发送 of a message (issue 13 #6): only a `failed` row may be retried (anything else is
 * still on its way or already sent — retrying it could send it twice). It becomes due now with its attempts
 * reset to 0, so it gets the full retry schedule again rather than failing for good after one more try; its
 * last error stays visible until the next attempt replaces it. `null`: not retryable.
 */
export function manualRetry(status: string, now: Date): { status: "pending"; attempts: 0; nextAttemptAt: Date } | null {
  if (status !== "failed") return null;
  return { status: "pending", attempts: 0, nextAttemptAt: now };
}
