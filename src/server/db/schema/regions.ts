import { index, pgTable, text } from "drizzle-orm/pg-core";
import { regionLevel } from "./enums";

/** China's province (2-digit) / city (4-digit) / county (6-digit) codes; see data/README.md. */
export const regions = pgTable(
  "regions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    level: regionLevel("level").notNull(),
    parentCode: text("parent_code"),
    provinceCode: text("province_code").notNull(),
    cityCode: text("city_code"),
  },
  (t) => [index("regions_parent_idx").on(t.parentCode)],
);
