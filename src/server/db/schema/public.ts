import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { id } from "./_columns";

/**
 * Every public lookup (R-PUB-1/2/3): what was asked (a public token, or the typed number), whether it was found,
 * and the client address — nothing more about the visitor than a web server's access log holds.
 */
export const publicLookups = pgTable(
  "public_lookups",
  {
    id: id(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind", { enum: ["certificate", "label", "search"] }).notNull(),
    subject: text("subject").notNull(),
    found: boolean("found").notNull(),
    ip: text("ip"),
  },
  (t) => [index("public_lookups_at_idx").on(t.at)],
);

/** Fixed-window hit counters for the public rate limit, per client address (works across server processes). */
export const publicRateCounters = pgTable(
  "public_rate_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("public_rate_counters_window_idx").on(t.windowStart)],
);
