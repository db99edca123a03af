import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref } from "./_columns";
import { purpose, regime, supervision } from "./enums";

/**
 * The catalogue is versioned (R-CAT-3): an import creates a new version; instruments keep pointing at the
 * kind row they were created or filed under, so a later version never rewrites history.
 */
export const catalogueVersions = pgTable("catalogue_versions", {
  id: id(),
  name: text("name").notNull(),
  isCurrent: boolean("is_current").notNull().default(false),
  note: text("note"),
  importedBy: ref("imported_by"),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
});

export const catalogueItems = pgTable(
  "catalogue_items",
  {
    id: id(),
    versionId: ref("version_id").notNull().references(() => catalogueVersions.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("catalogue_items_version_name_uq").on(t.versionId, t.name)],
);

export const catalogueKinds = pgTable(
  "catalogue_kinds",
  {
    id: id(),
    versionId: ref("version_id").notNull().references(() => catalogueVersions.id),
    itemId: ref("item_id").notNull().references(() => catalogueItems.id),
    name: text("name").notNull(),
    supervision: supervision("supervision").notNull(),
    /** Purposes for which the kind is compulsorily verified; empty for P-only kinds. */
    purposes: purpose("purposes").array().notNull().default([]),
    regime: regime("regime"),
    periodMonths: integer("period_months"),
    serviceLifeYears: integer("service_life_years"),
    notes: text("notes"),
    source: text("source"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("catalogue_kinds_item_name_uq").on(t.itemId, t.name),
    index("catalogue_kinds_version_idx").on(t.versionId),
  ],
);
