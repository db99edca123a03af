import "server-only";
import { and, arrayContains, eq, gte, ilike, like, lte, or, sql, type SQL } from "drizzle-orm";
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

/** Trigram indexes answer LIKE patterns with at least 3 characters. */
export const usesTrigrams = (q: string | undefined): q is string => !!q && [...q].length >= 3;

/**
 * Searches of 1–2 characters (柴油, BN) have no trigram: they look their text up among the characters and
 * character pairs of instruments_enterprise_short_search_idx (`ledger_short_grams`, migration 0020), which never
 * hold a space. The search input is trimmed, so only a space inside a 2-character search misses it; that one
 * falls back to testing the enterprise's rows.
 */
export const usesShortGrams = (q: string | undefined): q is string => !!q && [...q].length <= 2 && !/\s/.test(q);

/** The search goes through a GIN index (trigrams, or the short grams). */
const indexedSearch = (q: string | undefined) => usesTrigrams(q) || usesShortGrams(q);

/**
 * Filters answered by a GIN index (tag, any text search): the matching rows are gathered first and the
 * page sorted from them, rather than walking the sort order and testing rows one by one — which the planner
 * picks by mistake when the matches are rare or belong to other enterprises (issue 14: 0.5–2 s).
 */
export const gathersMatches = (f: LedgerFilter) => !!f.tag || indexedSearch(f.q) || indexedSearch(f.name);

/**
 * A search of Han characters, digits, punctuation and spaces only has no letter with a case, and no character's
 * lower case is one of these: ILIKE and LIKE find the same rows. LIKE is ~10× cheaper per row on CJK text (ILIKE
 * lower-cases the whole text of every row tested: 1.5 µs a column), which matters where rows are tested one by
 * one (the list's window, the counts' probe, the recheck of index matches).
 */
export const caseless = (q: string) => /^[\p{Script=Han}\p{Nd}\p{P}\p{Zs}]+$/u.test(q);

/** LIKE where it is exact (caseless), ILIKE otherwise. */
export const matchOf = (q: string) => (caseless(q) ? like : ilike);

/** The index narrows a search to the rows holding its trigrams or its short gram; the ILIKE decides. */
function searchIndexCondition(q: string): SQL | undefined {
  if (usesTrigrams(q)) return matchOf(q)(searchText, escapeLike(q));
  // Must stay the index expression of instruments_enterprise_short_search_idx for the planner to use it.
  if (usesShortGrams(q)) return sql`ledger_short_grams(${searchText}) @> array[lower(${q}::text)]`;
  return undefined;
}

/** The ledger is the enterprise's own: only an enterprise scope reaches it. */
export type LedgerScope = EnterpriseCaller["scope"];

/**
 * WHERE clause of the enterprise ledger for a filter (R-LED-6): the list, its counts and the export share it,
 * so an export is exactly what the list shows. Always starts with the caller's own enterprise.
 */
export function ledgerWhere(scope: LedgerScope, f: LedgerFilter, today: string, o: { indexHints?: boolean } = {}): SQL {
  // Without the hints for rows already found another way (the list's window): the short grams would be
  // computed for each row tested (~25 µs each, 27 ms for a 1,000-row window), and the ILIKE decides anyway.
  const hints = o.indexHints ?? true;
  const parts: (SQL | undefined)[] = [locatedRecordScope(scope, instruments)];
  if (f.q) {
    const p = escapeLike(f.q);
    // A substring of one column is a substring of their concatenation: the GIN index narrows, the OR decides.
    if (hints) parts.push(searchIndexCondition(f.q));
    const m = matchOf(f.q);
    parts.push(or(m(instruments.serialNo, p), m(instruments.name, p), m(instruments.manufacturer, p)));
  }
  if (f.name) {
    const p = escapeLike(f.name);
    if (hints) parts.push(searchIndexCondition(f.name));
    parts.push(matchOf(f.name)(instruments.name, p));
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
