/** 分 → "80.00" (元, two decimals), for fees (R-RES-4). */
export function formatYuan(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
