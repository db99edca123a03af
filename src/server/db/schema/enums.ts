import { pgEnum } from "drizzle-orm/pg-core";

export const regionLevel = pgEnum("region_level", ["province", "city", "county"]);
export const orgKind = pgEnum("org_kind", ["enterprise", "institution", "regulator", "platform"]);
export const institutionKind = pgEnum("institution_kind", ["legal", "authorised"]);
export const orgStatus = pgEnum("org_status", ["pending", "approved", "rejected", "disabled"]);
export const userRole = pgEnum("user_role", ["enterprise", "institution", "regulator", "admin", "personal"]);
export const memberRole = pgEnum("member_role", ["owner", "member"]);
export const membershipStatus = pgEnum("membership_status", ["pending", "approved", "rejected", "removed"]);
export const supervision = pgEnum("supervision", ["P", "V", "P+V"]);
export const purpose = pgEnum("purpose", ["trade", "safety", "medical", "environment"]);
export const regime = pgEnum("regime", ["periodic", "first_only_limited_life", "first_only"]);
export const method = pgEnum("method", ["send_in", "on_site"]);
export const instrumentStatus = pgEnum("instrument_status", ["new", "in_use", "stopped", "scrapped"]);
export const origin = pgEnum("origin", ["domestic", "imported"]);
export const filingStatus = pgEnum("filing_status", ["none", "pending", "assigned", "filed", "returned"]);
/** Platform calendar rows: 法定节假日 or 调休上班 (a working weekend). */
export const calendarDayKind = pgEnum("calendar_day_kind", ["holiday", "workday"]);
