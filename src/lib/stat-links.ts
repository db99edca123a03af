/**
 * Where a dashboard number leads (issue 12 item 2: every number links to the list behind it): the regulator's
 * 辖区仪器 list with the same region, bucket and filters in its URL. Parameter names agreed with the list:
 * region, bucket (all/due/overdue/invalid/valid/failed), item, purpose, institution; plus enterprise for an
 * enterprise's row, filingStatus=filed for 已备案 and verifiedFrom for the verifications of the period.
 */
export type StatLink = {
  region: string;
  bucket?: "all" | "due" | "overdue" | "invalid" | "valid" | "failed";
  item?: number;
  purpose?: string;
  institution?: number;
  enterprise?: number | null;
  filingStatus?: "filed";
  verifiedFrom?: string;
};

export function statListHref(l: StatLink): string {
  const p = new URLSearchParams();
  p.set("region", l.region);
  if (l.bucket) p.set("bucket", l.bucket);
  if (l.item) p.set("item", String(l.item));
  if (l.purpose) p.set("purpose", l.purpose);
  if (l.institution) p.set("institution", String(l.institution));
  if (l.enterprise) p.set("enterprise", String(l.enterprise));
  if (l.filingStatus) p.set("filingStatus", l.filingStatus);
  if (l.verifiedFrom) p.set("verifiedFrom", l.verifiedFrom);
  return `/regulator/instruments?${p.toString()}`;
}

/** Pass rate as a Chinese percentage, or — when nothing was verified. */
export const passRate = (passed: number, verified: number) => (verified ? `${((passed / verified) * 100).toFixed(1)}%` : "—");
