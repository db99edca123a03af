import { addDays, daysBetween } from "@/lib/china-day";

/** R-LED-4: yellow when the certificate runs out within 30 days (today counts), red once it is past. */
export const DUE_WITHIN_DAYS = 30;
export type Warning = "red" | "yellow" | null;

export function warningOf(validUntil: string | null | undefined, today: string): Warning {
  if (!validUntil) return null;
  const left = daysBetween(today, validUntil);
  if (left < 0) return "red";
  if (left <= DUE_WITHIN_DAYS) return "yellow";
  return null;
}

/** The validUntil range of a bucket, for the list filter: [from, to] inclusive, either end open. */
export function bucketRange(bucket: "due" | "overdue", today: string): { from?: string; to?: string } {
  return bucket === "overdue" ? { to: addDays(today, -1) } : { from: today, to: addDays(today, DUE_WITHIN_DAYS) };
}
