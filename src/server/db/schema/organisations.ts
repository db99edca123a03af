import { date, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, updatedAt } from "./_columns";
import { institutionKind, orgKind, orgStatus, regionLevel } from "./enums";

/**
 * Enterprises, institutions, regulators and the platform operator. `regionCode` is the organisation's own
 * region at its level (its jurisdiction root for institutions and regulators); the three location codes
 * are filled down to the organisation's level (a province regulator has no city or county code).
 */
export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    kind: orgKind("kind").notNull(),
    name: text("name").notNull(),
    uscc: text("uscc"),
    level: regionLevel("level"),
    institutionKind: institutionKind("institution_kind"),
    regionCode: text("region_code"),
    provinceCode: text("province_code"),
    cityCode: text("city_code"),
    countyCode: text("county_code"),
    address: text("address"),
    enterpriseType: text("enterprise_type"),
    legalRepresentative: text("legal_representative"),
    /** Resident ID number of the legal representative (GB 11643, R-ACC-1; seed 004 2.2). */
    legalRepresentativeIdNo: text("legal_representative_id_no"),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    /** Institutions: authorisation certificate number and its validity. */
    authorisationCertNo: text("authorisation_cert_no"),
    authorisationValidUntil: date("authorisation_valid_until"),
    /** Short code used in certificate numbers (R-RES-2). */
    code: text("code"),
    /**
     * Institutions: number templates of certificates and fail notices (R-RES-2); null = the platform default
     * (src/server/domain/certificates/number.ts).
     */
    certificateNoTemplate: text("certificate_no_template"),
    failNoticeNoTemplate: text("fail_notice_no_template"),
    status: orgStatus("status").notNull().default("pending"),
    rejectReason: text("reject_reason"),
    reviewedBy: ref("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    /** When the registration was (re)submitted: review queues are ordered by it. */
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organisations_uscc_uq").on(t.uscc),
    index("organisations_kind_province_idx").on(t.kind, t.provinceCode),
    index("organisations_kind_city_idx").on(t.kind, t.cityCode),
    index("organisations_kind_county_idx").on(t.kind, t.countyCode),
    index("organisations_kind_status_idx").on(t.kind, t.status),
  ],
);

/** Enterprise departments (name at most 8 characters, seed 003). */
export const departments = pgTable(
  "departments",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("departments_org_name_uq").on(t.orgId, t.name)],
);
