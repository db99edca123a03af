import { sql } from "drizzle-orm";
import { bigint, boolean, char, date, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { filingStatus, instrumentStatus, purpose, verdict } from "./enums";

/**
 * The statistics layer (R-STAT-1, issue 12 item 1): counts of instruments per cell of what does not move
 * with the calendar day, kept current by statement-level triggers on `instruments` and `results` (hand-written
 * migration `statistics-triggers`); the six buckets (R-BKT-1…5) are sums over date ranges relative to today,
 * taken at read time (src/server/services/statistics/cells.ts).
 *
 * Dates: `dayKind` says which date an instrument is tracked by — `v` validUntil, `a` filing approval day
 * (no validity yet), `u` neither (counted in 全部 only; `day` is then 2000-01-01). Every instrument is counted
 * twice: once in a day cell (`fine`, `day` = the date) and once in a month cell (`day` = first of its month).
 * A reader takes day cells for the few months that contain a bucket threshold and month cells for all other
 * months, so each instrument is counted once and no cell straddles a threshold.
 *
 * `institutionId` / `enterpriseId` 0 = none (the keys stay NOT NULL so that they can be primary keys).
 */
const dims = {
  provinceCode: text("province_code").notNull(),
  cityCode: text("city_code").notNull(),
  countyCode: text("county_code").notNull(),
};
const dateDims = {
  filed: boolean("filed").notNull(),
  failed: boolean("failed").notNull(),
  dayKind: char("day_kind", { length: 1 }).notNull(),
  fine: boolean("fine").notNull(),
  day: date("day").notNull(),
  n: integer("n").notNull(),
};

/** Per county × institution × catalogue item × purpose: filters, 辖区 counts, breakdowns, forecast demand. */
export const statInstrumentCells = pgTable(
  "stat_instrument_cells",
  {
    ...dims,
    institutionId: bigint("institution_id", { mode: "number" }).notNull(),
    itemId: bigint("item_id", { mode: "number" }).notNull(),
    purpose: purpose("purpose").notNull(),
    ...dateDims,
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.institutionId, t.itemId, t.purpose, t.filed, t.failed, t.dayKind, t.fine, t.day] }),
    index("stat_instrument_cells_city_idx").on(t.cityCode),
    index("stat_instrument_cells_province_idx").on(t.provinceCode),
    index("stat_instrument_cells_institution_idx").on(t.institutionId, t.fine, t.day),
    index("stat_instrument_cells_item_idx").on(t.itemId),
    index("stat_instrument_cells_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/** Per county only: the unfiltered dashboard (cards and child regions) reads this small table. */
export const statRegionCells = pgTable(
  "stat_region_cells",
  { ...dims, ...dateDims },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.filed, t.failed, t.dayKind, t.fine, t.day] }),
    index("stat_region_cells_city_idx").on(t.cityCode),
    index("stat_region_cells_province_idx").on(t.provinceCode),
    index("stat_region_cells_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/** Per city only: the unfiltered province dashboard (one row per city) reads this smallest table. */
export const statCityCells = pgTable(
  "stat_city_cells",
  { provinceCode: text("province_code").notNull(), cityCode: text("city_code").notNull(), ...dateDims },
  (t) => [
    primaryKey({ columns: [t.cityCode, t.filed, t.failed, t.dayKind, t.fine, t.day] }),
    index("stat_city_cells_province_idx").on(t.provinceCode),
    index("stat_city_cells_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/** Per county × enterprise: the enterprise rows of an unfiltered county dashboard. */
export const statEnterpriseRegionCells = pgTable(
  "stat_enterprise_region_cells",
  { ...dims, enterpriseId: bigint("enterprise_id", { mode: "number" }).notNull(), ...dateDims },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.enterpriseId, t.filed, t.failed, t.dayKind, t.fine, t.day] }),
    index("stat_enterprise_region_cells_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/**
 * Per county × enterprise: how many instruments, with no date (it does not move with the day). The county
 * dashboard pages its enterprises by keyset on (n desc, enterprise) from this table and sums the dated cells
 * of `stat_enterprise_region_cells` for that page only.
 */
export const statEnterpriseTotals = pgTable(
  "stat_enterprise_totals",
  { ...dims, enterpriseId: bigint("enterprise_id", { mode: "number" }).notNull(), n: integer("n").notNull() },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.enterpriseId] }),
    index("stat_enterprise_totals_page_idx").on(t.countyCode, t.n.desc(), t.enterpriseId),
    index("stat_enterprise_totals_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/**
 * Per county × enterprise × institution holding the instrument (0 = none) × filing status, with no date (issue 14
 * #3): 申报企业 sums a page's enterprises from it in the caller's scope (all / filed / in the filing flow), where
 * counting their instruments grew with them. Keyed by enterprise first: a page reads its enterprises' rows only.
 */
export const statEnterpriseFiling = pgTable(
  "stat_enterprise_filing",
  {
    ...dims,
    enterpriseId: bigint("enterprise_id", { mode: "number" }).notNull(),
    institutionId: bigint("institution_id", { mode: "number" }).notNull(),
    filingStatus: filingStatus("filing_status").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ name: "stat_enterprise_filing_pk", columns: [t.enterpriseId, t.countyCode, t.institutionId, t.filingStatus] }),
    index("stat_enterprise_filing_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/**
 * Per institution × enterprise with an instrument with it (R-SCOPE-2 "filed with", as `filedWith` asks of
 * instruments; no row for none): one row per pair, so an institution's home page counts the enterprises filed
 * with it index-only (30,000 at 10M instruments) and probes the pair by primary key.
 */
export const statInstitutionEnterprises = pgTable(
  "stat_institution_enterprises",
  { institutionId: bigint("institution_id", { mode: "number" }).notNull(), enterpriseId: bigint("enterprise_id", { mode: "number" }).notNull(), n: integer("n").notNull() },
  (t) => [
    primaryKey({ columns: [t.institutionId, t.enterpriseId] }),
    index("stat_institution_enterprises_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/**
 * Per county × institution holding the instrument (0 = none), with no date: an institution's 辖区仪器 on its home
 * page is the sum over its region's rows plus its own (a few hundred rows in all), where the dated cells of
 * `stat_instrument_cells` would be summed by the thousand.
 */
export const statInstitutionTotals = pgTable(
  "stat_institution_totals",
  { ...dims, institutionId: bigint("institution_id", { mode: "number" }).notNull(), n: integer("n").notNull() },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.institutionId] }),
    index("stat_institution_totals_institution_idx").on(t.institutionId),
    index("stat_institution_totals_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/**
 * Per institution holding the instrument (none: no row) × the dated dimensions, with no place: what is with an
 * institution, summed in a few hundred cells (issue 14, 辖区仪器 counts at 10M). An institution's instruments lie
 * all over the province, so its share of `stat_instrument_cells` (× county × item × purpose) runs to 129,000 cells
 * at 10M instruments; here it is one cell per date (949).
 */
export const statInstitutionCells = pgTable(
  "stat_institution_cells",
  { institutionId: bigint("institution_id", { mode: "number" }).notNull(), ...dateDims },
  (t) => [
    primaryKey({ name: "stat_institution_cells_pk", columns: [t.institutionId, t.filed, t.failed, t.dayKind, t.fine, t.day] }),
    index("stat_institution_cells_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/**
 * Per institution × county × the dated dimensions: what is with an institution inside a region, read by
 * institution first (the part of a legal institution's jurisdiction that is also with it, counted once; a region
 * filter on what is with an authorised institution). Indexed by each level of the region.
 */
export const statInstitutionRegionCells = pgTable(
  "stat_institution_region_cells",
  { ...dims, institutionId: bigint("institution_id", { mode: "number" }).notNull(), ...dateDims },
  (t) => [
    primaryKey({ name: "stat_institution_region_cells_pk", columns: [t.institutionId, t.countyCode, t.filed, t.failed, t.dayKind, t.fine, t.day] }),
    index("stat_institution_region_cells_city_idx").on(t.institutionId, t.cityCode),
    index("stat_institution_region_cells_province_idx").on(t.institutionId, t.provinceCode),
    index("stat_institution_region_cells_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/** Per county × enterprise × the filter dimensions: the enterprise rows of a filtered county dashboard. */
export const statEnterpriseCells = pgTable(
  "stat_enterprise_cells",
  {
    ...dims,
    enterpriseId: bigint("enterprise_id", { mode: "number" }).notNull(),
    institutionId: bigint("institution_id", { mode: "number" }).notNull(),
    itemId: bigint("item_id", { mode: "number" }).notNull(),
    purpose: purpose("purpose").notNull(),
    ...dateDims,
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.enterpriseId, t.institutionId, t.itemId, t.purpose, t.filed, t.failed, t.dayKind, t.fine, t.day] }),
    index("stat_enterprise_cells_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/**
 * Verifications (results) per county × institution × item × purpose × verified month × verdict. Periods on the
 * dashboard are whole months (本月, 本季度, 本年, 近 12 个月), so the month is the finest date needed. The place
 * is the instrument's location when the result was recorded.
 */
export const statVerificationCells = pgTable(
  "stat_verification_cells",
  {
    ...dims,
    institutionId: bigint("institution_id", { mode: "number" }).notNull(),
    itemId: bigint("item_id", { mode: "number" }).notNull(),
    purpose: purpose("purpose").notNull(),
    month: date("month").notNull(),
    verdict: verdict("verdict").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.institutionId, t.itemId, t.purpose, t.month, t.verdict] }),
    index("stat_verification_cells_city_idx").on(t.cityCode, t.month),
    index("stat_verification_cells_province_idx").on(t.provinceCode, t.month),
    index("stat_verification_cells_institution_idx").on(t.institutionId, t.month),
    index("stat_verification_cells_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);

/**
 * The enterprise ledger's counts (issue 14 #3, R-LED-4, R-LED-6): per enterprise × tag × status × validity day,
 * how many instruments. `tag` '' counts every instrument once; a row with a tag counts the instruments carrying
 * it (each once). `validUntil` 'infinity' = none. The ledger's 共 N 台 / 30 天内到期 / 已过期 with no filter, a
 * status, a bucket or a tag are sums over an enterprise's few thousand cells, exact at any size, instead of
 * counting up to a million rows. Kept by its own statement-level trigger (migration 0024), not by
 * stat_instruments_sql, which other tables' migrations rewrite.
 */
export const statLedgerCells = pgTable(
  "stat_ledger_cells",
  {
    enterpriseId: bigint("enterprise_id", { mode: "number" }).notNull(),
    tag: text("tag").notNull(),
    status: instrumentStatus("status").notNull(),
    validUntil: date("valid_until").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ name: "stat_ledger_cells_pk", columns: [t.enterpriseId, t.tag, t.status, t.validUntil] }),
    index("stat_ledger_cells_zero_idx").on(t.n).where(sql`${t.n} = 0`),
  ],
);
