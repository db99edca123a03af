import type { Regime } from "@/lib/vocab";
import { addDays, addMonths } from "@/lib/china-day";

export type ValidityRule = { regime: Regime | null; periodMonths: number | null; serviceLifeYears: number | null };

/**
 * R-RES-1 validUntil from the catalogue kind's regime, the default the institution may edit:
 * - periodic (周期检定): verification day + period − 1 day (verified 2026-12-01, 12 months → 2027-11-30);
 * - first-only with a limited life (首次强制检定，限期使用): the end of the service life, counted from the
 *   verification day the same way;
 * - first-only (首次强制检定，失准报废): none (null).
 * validUntil is inclusive (R-TIME-1): the instrument is valid through that day.
 */
export function defaultValidUntil(rule: ValidityRule, verifiedOn: string): string | null {
  if (rule.regime === "periodic" && rule.periodMonths && rule.periodMonths > 0) return addDays(addMonths(verifiedOn, rule.periodMonths), -1);
  if (rule.regime === "first_only_limited_life" && rule.serviceLifeYears && rule.serviceLifeYears > 0)
    return addDays(addMonths(verifiedOn, rule.serviceLifeYears * 12), -1);
  return null;
}
