import "server-only";
import { and, arrayContains, eq, gte, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import type { LedgerFilter } from "@/lib/schemas/ledger";
import type { EnterpriseCaller } from "@/server/authz/caller";
import { inRegion, locatedRecordScope, regionFilterOf } from "@/server/authz/scope";
import { escapeLike } from "@/server/db/like";
import { instruments } from "@/server/db/schema";
import { bucketRange } from "@/server/domain/ledger/warning";

/**
 * The text the enterprise-scoped trigram index holds (instruments_enterprise_search_idx): serial, name and
 * manufacturer. Must stay the index's expression, character for character, for the planner to use it.
 */
export const searchText = sql<string>`(${instruments.serialNo} || ' ' || ${instruments.name} || ' ' || ${instruments.manufacturer})`;

/** Trigram indexes answer LIKE patterns with at least 3 characters; shorter searches scan the enterprise's rows. */
export const usesTrigrams = (q: string | undefined): q is string => !!q && [...q].length >= 3;

/**
 * Filters answered by a GIN index (tag, text of 3+ characters): the matching rows are gathered first and the
 * page sorted from them, rather than walking the sort order and testing rows one by one — which the planner
 * picks by mistake when the matches are rare or belong to other enterprises (issue 14: 0.5–2 s).
 */
export const gathersMatches = (f: LedgerFilter) => !!f.tag || usesTrigrams(f.q) || usesTrigrams(f.name);

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
    // A substring of one column is a substring of their concatenation: the trigram index narrows, the OR decides.
    if (usesTrigrams(f.q)) parts.push(ilike(searchText, p));
    parts.push(or(ilike(instruments.serialNo, p), ilike(instruments.name, p), ilike(instruments.manufacturer, p)));
  }
  if (f.name) {
    const p = escapeLike(f.name);
    if (usesTrigrams(f.name)) parts.push(ilike(searchText, p));
    parts.push(ilike(instruments.name, p));
  }
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
