import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * What a sequence numbers; each kind formats its numbers itself: instrument codes (R-FIL-4: county, day),
 * appointments (R-APT-3: "S"/"X", day), certificates and fail notices (R-RES-2: institution id, year).
 */
export type SequenceKind = "instrument_code" | "appointment" | "certificate" | "fail_notice";

/**
 * One counter per (kind, scope key, period): the last number handed out. `nextNumber` takes numbers with a
 * row-locking upsert, so concurrent transactions queue on the row instead of handing out the same number.
 * Example: ("instrument_code", county "440111", day "2026-12-01") → 1, 2, 3…
 */
export const sequences = pgTable(
  "sequences",
  {
    kind: text("kind").$type<SequenceKind>().notNull(),
    scopeKey: text("scope_key").notNull(),
    period: text("period").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.scopeKey, t.period] })],
);
