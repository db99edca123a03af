import "server-only";
/** A substring pattern for LIKE / ILIKE: the user's `%`, `_` and `\` match themselves, not any text. */
export function escapeLike(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
