import "server-only";
import type { z } from "zod";
import { CURSOR_INVALID } from "@/lib/schemas/common";
import { AppError } from "@/server/errors";

/**
 * Keyset page: the query asked for `limit + 1` rows, newest first; the extra row only says there is more.
 * `nextCursor` is the last id shown, which the next call passes back as `cursor`.
 */
export function page<T extends { id: number }>(rows: T[], limit: number): { items: T[]; nextCursor: number | null } {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? items[items.length - 1]!.id : null };
}

/** Opaque cursor for keyset lists sorted by more than the id: the sort key values of the last row shown. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/**
 * Reads a cursor made by `encodeCursor` and checks its shape against `shape`; a cursor a client made up or
 * tampered with is a bad request (分页参数无效), never a database error.
 */
export function decodeCursor<T>(cursor: string, shape: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {
    throw new AppError("BAD_INPUT", CURSOR_INVALID);
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) throw new AppError("BAD_INPUT", CURSOR_INVALID);
  return parsed.data;
}
