import { bigint, text, timestamp } from "drizzle-orm/pg-core";

/** Surrogate key: bigint identity, so keyset pagination over tens of millions of rows stays an index range scan. */
export const id = () => bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();
export const ref = (name: string) => bigint(name, { mode: "number" });

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/**
 * Location columns: every located record stores county, city and province codes separately, so that
 * region scopes (R-SCOPE-2/3) and statistics are equality lookups on an index, never prefix scans.
 */
export const locationColumns = () => ({
  provinceCode: text("province_code").notNull(),
  cityCode: text("city_code").notNull(),
  countyCode: text("county_code").notNull(),
});
