import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, locationColumns, ref, updatedAt } from "./_columns";
import { catalogueKinds } from "./catalogue";
import { filingStatus, flowStatus, instrumentStatus, method, origin, purpose } from "./enums";
import { departments, organisations } from "./organisations";

/** One physical instrument: one ledger row (SPEC §5). */
export const instruments = pgTable(
  "instruments",
  {
    id: id(),
    enterpriseId: ref("enterprise_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    model: text("model").notNull(),
    measuringRange: text("measuring_range"),
    accuracyClass: text("accuracy_class"),
    serialNo: text("serial_no").notNull(),
    ownNo: text("own_no"),
    manufacturer: text("manufacturer").notNull(),
    origin: origin("origin"),
    installLocation: text("install_location").notNull(),
    ...locationColumns(),
    purchaseDate: date("purchase_date"),
    status: instrumentStatus("status").notNull().default("new"),
    purpose: purpose("purpose").notNull(),
    instrumentType: text("instrument_type").notNull().default("工作计量器具"),
    method: method("method").notNull(),
    kindId: ref("kind_id")
      .notNull()
      .references(() => catalogueKinds.id),
    quantity: integer("quantity").notNull().default(1),
    departmentId: ref("department_id").references(() => departments.id),
    institutionId: ref("institution_id").references(() => organisations.id),
    instrumentCode: text("instrument_code"),
    typeCertNo: text("type_cert_no"),
    filingStatus: filingStatus("filing_status").notNull().default("none"),
    /** Workflow the instrument is in right now (filing / appointment); null when idle (R-LED-2). */
    flowStatus: flowStatus("flow_status"),
    certificateNo: text("certificate_no"),
    validUntil: date("valid_until"),
    filingApprovedOn: date("filing_approved_on"),
    /** Day of the fail notice that is not yet followed by a passing certificate (R-BKT-5). */
    failedSince: date("failed_since"),
    /** Permanent label token (R-PUB-3): the QR on the printed label opens `/i/{labelToken}`; given at filing approval. */
    labelToken: text("label_token"),
    tags: text("tags").array().notNull().default([]),
    remark: text("remark"),
    /** Normalised manufacturer + serial (R-LED-1): trimmed, full-width folded, lower-case. */
    manufacturerNorm: text("manufacturer_norm").notNull(),
    serialNorm: text("serial_norm").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("instruments_enterprise_mfr_serial_uq").on(t.enterpriseId, t.manufacturerNorm, t.serialNorm),
    uniqueIndex("instruments_code_uq").on(t.instrumentCode),
    uniqueIndex("instruments_label_token_uq").on(t.labelToken),
    index("instruments_enterprise_id_idx").on(t.enterpriseId, t.id),
    index("instruments_enterprise_status_idx").on(t.enterpriseId, t.status, t.id),
    index("instruments_enterprise_filing_idx").on(t.enterpriseId, t.filingStatus, t.id),
    // The id ends both: the kind filter's page walks (kind, id) in order, and the due / overdue filters and
    // counts read a validity range with its ids from the index alone (issue 14 #3, < 20 ms at 100,000 rows).
    index("instruments_enterprise_valid_idx").on(t.enterpriseId, t.validUntil, t.id),
    index("instruments_enterprise_kind_idx").on(t.enterpriseId, t.kindId, t.id),
    // Tag filter and text search (R-LED-6) inside one enterprise: enterprise_id is a GIN key too (btree_gin), so a
    // tag or trigram used only by other enterprises costs nothing here (issue 14 item 3; migration 0015 adds
    // the extensions). Text search reads one trigram set per row, over serial + name + manufacturer
    // (`searchText`, list-filter.ts); searches of 1–2 characters have no trigram and use the btree indexes.
    index("instruments_enterprise_tags_idx").using("gin", t.enterpriseId, t.tags),
    index("instruments_enterprise_search_idx").using("gin", t.enterpriseId, sql`(${t.serialNo} || ' ' || ${t.name} || ' ' || ${t.manufacturer}) gin_trgm_ops`),
    // Searches of 1–2 characters, which have no trigram (柴油, BN): every single character and pair of adjacent
    // characters of the same text, lower-cased (ledger_short_grams, migration 0020), so such a search is one
    // array element looked up in the enterprise's rows (`shortSearch`, list-filter.ts).
    index("instruments_enterprise_short_search_idx").using("gin", t.enterpriseId, sql`ledger_short_grams(${t.serialNo} || ' ' || ${t.name} || ' ' || ${t.manufacturer})`),
    // Ledger list sorts (keyset on (sort key, id)) and filters (R-LED-6).
    index("instruments_enterprise_name_idx").on(t.enterpriseId, t.name, t.id),
    index("instruments_enterprise_valid_sort_idx").on(t.enterpriseId, sql`coalesce(${t.validUntil}, '9999-12-31'::date)`, t.id),
    index("instruments_enterprise_dept_idx").on(t.enterpriseId, t.departmentId, t.id),
    index("instruments_enterprise_serial_idx").on(t.enterpriseId, t.serialNorm),
    index("instruments_county_idx").on(t.countyCode, t.id),
    index("instruments_city_idx").on(t.cityCode, t.id),
    index("instruments_province_idx").on(t.provinceCode, t.id),
    index("instruments_institution_idx").on(t.institutionId, t.id),
    // "Filed with" (authz/scope.ts filedWith) probes (institution, enterprise); the filing status and location
    // keep an institution's counts index-only (home figures, 申报企业 for authorised institutions).
    index("instruments_institution_enterprise_idx").on(t.institutionId, t.enterpriseId, t.filingStatus, t.provinceCode, t.cityCode, t.countyCode),
    // 申报企业 counts for the enterprises of one page, in any caller's scope, without touching the table.
    index("instruments_enterprise_scope_idx").on(t.enterpriseId, t.filingStatus, t.provinceCode, t.cityCode, t.countyCode, t.institutionId),
    // Validity ranges across enterprises; enterprise, id and status too, so that the daily sweep's first read
    // (which enterprises have instruments due and not yet warned, src/server/jobs/sweep.ts) is index-only
    // (migration 0023, issue 14: it replaced a (valid_until) index of the same predicate).
    index("instruments_valid_until_cover_idx").on(t.validUntil, t.enterpriseId, t.id, t.status).where(sql`${t.validUntil} is not null`),
    // Bucket filters (R-BKT-1…5, src/server/domain/filing/buckets.ts): filed without validity, and failed.
    index("instruments_approved_no_valid_idx").on(t.filingApprovedOn).where(sql`${t.validUntil} is null and ${t.filingApprovedOn} is not null`),
    // 重复登记 (issue 12 item 8): the same normalised manufacturer + serial across enterprises.
    index("instruments_mfr_serial_idx").on(t.manufacturerNorm, t.serialNorm, t.enterpriseId),
    index("instruments_failed_since_idx").on(t.failedSince).where(sql`${t.failedSince} is not null`),
  ],
);
