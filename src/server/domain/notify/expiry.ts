import { addDays } from "@/lib/china-day";

/**
 * R-WRN-1 expiry warnings, pure. validUntil is inclusive (R-TIME-1): an instrument valid until V is overdue
 * from V + 1. On China day T the sweep gives
 * - `due30` to instruments with T ≤ V ≤ T + 30: on the day V is 30 days ahead, and — if a sweep was missed —
 *   on the next sweep before V (never twice: the warning's key is instrument × kind × V);
 * - `expired` to instruments with T − CATCH_UP_DAYS ≤ V ≤ T − 1: on the day V has passed, or on the next sweep
 *   within a week if days were missed. Instruments overdue for longer are no longer "newly overdue".
 */
export const WARN_DAYS_BEFORE = 30;
export const CATCH_UP_DAYS = 7;
export type WarningKind = "due30" | "expired";

/** The validUntil days (inclusive range) the sweep of `today` warns for, per kind. */
export function warningWindow(kind: WarningKind, today: string): { from: string; to: string } {
  return kind === "due30" ? { from: today, to: addDays(today, WARN_DAYS_BEFORE) } : { from: addDays(today, -CATCH_UP_DAYS), to: addDays(today, -1) };
}

/** Which warning (if any) an instrument valid until `validUntil` is due on `today` (ignoring the ones given). */
export function warningDue(validUntil: string, today: string): WarningKind | null {
  for (const kind of ["due30", "expired"] as const) {
    const w = warningWindow(kind, today);
    if (validUntil >= w.from && validUntil <= w.to) return kind;
  }
  return null;
}

/** The days of a window, in order (the sweep reads a whole window per batch of enterprises; this lists it day by day). */
export function daysOf(w: { from: string; to: string }): string[] {
  const out: string[] = [];
  for (let d = w.from; d <= w.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The sweep's batches (issue 14 #3: bounded transactions): enterprises with work, in id order, cut into
 * consecutive runs of at most `maxEnterprises` enterprises and `maxRows` rows — an enterprise with more rows than
 * that is a batch of its own, never split (its one message counts all its instruments). Each batch is the
 * inclusive id range [first, last] of its enterprises.
 */
export function sweepBatches(work: { id: number; rows: number }[], maxEnterprises: number, maxRows: number): [number, number][] {
  const out: [number, number][] = [];
  let first = 0;
  let last = 0;
  let count = 0;
  let rows = 0;
  for (const w of [...work].sort((a, b) => a.id - b.id)) {
    if (count > 0 && (count >= maxEnterprises || rows + w.rows > maxRows)) {
      out.push([first, last]);
      count = 0;
      rows = 0;
    }
    if (count === 0) first = w.id;
    last = w.id;
    count++;
    rows += w.rows;
  }
  if (count > 0) out.push([first, last]);
  return out;
}
