import "server-only";
/** An ILIKE "contains" pattern for user text: `%`, `_` and `\` match themselves, not any characters. */
export function escapeLike(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
