import "server-only";
import { and, arrayContains, eq, gte, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import type { LedgerFilter } from "@/lib/schemas/ledger";
import type { EnterpriseCaller } from "@/server/authz/caller";
import { inRegion, locatedRecordScope, regionFilterOf } from "@/server/authz/scope";
import { escapeLike } from "@/server/db/like";
import { instruments } from "@/server/db/schema";
import { bucketRange } from "@/server/domain/ledger/warning";

/** The ledger is the enterprise's own: only an enterprise scope reaches it. */
export type LedgerScope = EnterpriseCaller["scope"];

/**
 * WHERE clause of the enterprise ledger for a filter (R-LED-6): the list, its counts and the export share it,
 * so an export is exactly what the list shows. Always starts with the caller's own enterprise.
 */
export function ledgerWhere(scope: LedgerScope, f: LedgerFilter, today: string): SQL {
  const parts: (SQL | undefined)[] = [locatedRecordScope(scope, instruments)];
  if (f.q) {
    const p = escapeLike(f.q);
    parts.push(or(ilike(instruments.serialNo, p), ilike(instruments.name, p), ilike(instruments.manufacturer, p)));
  }
  if (f.name) parts.push(ilike(instruments.name, escapeLike(f.name)));
  if (f.kindId) parts.push(eq(instruments.kindId, f.kindId));
  if (f.status) parts.push(eq(instruments.status, f.status));
  if (f.filingStatus) parts.push(eq(instruments.filingStatus, f.filingStatus));
  if (f.tag) parts.push(arrayContains(instruments.tags, [f.tag]));
  if (f.departmentId) parts.push(eq(instruments.departmentId, f.departmentId));
  if (f.regionCode) parts.push(inRegion(instruments, regionFilterOf(f.regionCode)));
  if (f.bucket) {
    const r = bucketRange(f.bucket, today);
    if (r.from) parts.push(gte(instruments.validUntil, r.from));
    if (r.to) parts.push(lte(instruments.validUntil, r.to));
  }
  return and(...parts) as SQL;
}

export const validSortKey = sql<string>`coalesce(${instruments.validUntil}, '9999-12-31'::date)`;
