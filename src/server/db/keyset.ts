import "server-only";
/**
 * Keyset page, newest first: the query fetches `limit + 1` rows ordered by id descending; `nextCursor` is the
 * last id shown (the next page asks for ids below it), or null when nothing is left.
 */
export function page<T extends { id: number }>(rows: T[], limit: number) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}
