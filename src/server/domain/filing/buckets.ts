import { and, isNotNull, isNull, lt, lte, gte, gt, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { addDays } from "@/lib/china-day";

/**
 * 辖区仪器 buckets (R-BKT-1…5, seed 000 四). A = filing approval day, V = validUntil (inclusive), T = today
 * (China day, R-TIME-1). All days are ISO strings, so comparing them as strings compares dates.
 *
 * The thresholds are computed once in `bucketBounds`; `bucketsOf` (UI, tests) and `bucketWhere` (SQL) both
 * compare against the same bounds with the same operators, so the two cannot drift.
 */
export const BUCKETS = ["all", "due", "overdue", "invalid", "valid", "failed"] as const;
export type Bucket = (typeof BUCKETS)[number];

export type BucketInput = { approvedOn: string | null; validUntil: string | null; failedSince: string | null };

export function bucketBounds(today: string) {
  return {
    today,
    /** V empty: due while A ≥ T − 10 (T − A ≤ 10). */
    dueApprovedFrom: addDays(today, -10),
    /** V empty: invalid when A < T − 30 (T − A > 30). */
    invalidApprovedBefore: addDays(today, -30),
    /** V set: due while V ≤ T + 30 (V − T ≤ 30) and V ≥ T. */
    dueValidUntil: addDays(today, 30),
    /** V set: invalid when V < T − 30 (T − V > 30). */
    invalidValidBefore: addDays(today, -30),
  };
}

/** Which of the six lists an instrument is in. Untracked (never approved, no validity) → only 全部. */
export function bucketsOf(x: BucketInput, today: string): Record<Bucket, boolean> {
  const b = bucketBounds(today);
  const { approvedOn: A, validUntil: V } = x;
  const noV = V === null && A !== null;
  const due = (noV && A! >= b.dueApprovedFrom) || (V !== null && V >= b.today && V <= b.dueValidUntil);
  const overdue = (noV && A! < b.dueApprovedFrom) || (V !== null && V < b.today);
  const invalid = (noV && A! < b.invalidApprovedBefore) || (V !== null && V < b.invalidValidBefore);
  const valid = V !== null && V > b.dueValidUntil;
  return { all: true, due, overdue, invalid, valid, failed: x.failedSince !== null };
}

/** The single headline state for a row in the UI (invalid outranks overdue outranks due). */
export function headlineBucket(x: BucketInput, today: string): Exclude<Bucket, "all" | "failed"> | null {
  const b = bucketsOf(x, today);
  return b.invalid ? "invalid" : b.overdue ? "overdue" : b.due ? "due" : b.valid ? "valid" : null;
}

export type BucketColumns = { approvedOn: AnyPgColumn; validUntil: AnyPgColumn; failedSince: AnyPgColumn };

/** The SQL twin of `bucketsOf`: a WHERE clause selecting one bucket, index-friendly (plain range predicates). */
export function bucketWhere(bucket: Bucket, today: string, c: BucketColumns): SQL {
  const b = bucketBounds(today);
  const noV = and(isNull(c.validUntil), isNotNull(c.approvedOn));
  switch (bucket) {
    case "all":
      return sql`true`;
    case "due":
      return or(and(noV, gte(c.approvedOn, b.dueApprovedFrom)), and(gte(c.validUntil, b.today), lte(c.validUntil, b.dueValidUntil))) as SQL;
    case "overdue":
      return or(and(noV, lt(c.approvedOn, b.dueApprovedFrom)), lt(c.validUntil, b.today)) as SQL;
    case "invalid":
      return or(and(noV, lt(c.approvedOn, b.invalidApprovedBefore)), lt(c.validUntil, b.invalidValidBefore)) as SQL;
    case "valid":
      return gt(c.validUntil, b.dueValidUntil);
    case "failed":
      return isNotNull(c.failedSince);
  }
}
