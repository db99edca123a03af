import { pgEnum } from "drizzle-orm/pg-core";
import {
  APPOINTMENT_ITEM_STATES,
  APPOINTMENT_STATES,
  ATTACHMENT_SLOTS,
  CERTIFICATE_KINDS,
  CERTIFICATE_STATES,
  CALENDAR_DAY_KINDS,
  FLOW_STATUSES,
  FILING_STATUSES,
  INSTITUTION_KINDS,
  INSTRUMENT_STATUSES,
  NOTICE_KINDS,
  NOTICE_STATES,
  MEMBER_ROLES,
  MEMBERSHIP_STATUSES,
  METHODS,
  ORG_KINDS,
  ORG_STATUSES,
  ORIGINS,
  OUTBOX_STATUSES,
  PURPOSES,
  REGIMES,
  REGION_LEVELS,
  SUPERVISIONS,
  USER_ROLES,
  VERDICTS,
} from "@/lib/vocab";

// Database enums derive from the one vocabulary in src/lib/vocab (issue 8 step 4): a new code is added there,
// then `npx drizzle-kit generate` writes the ALTER TYPE.
export const regionLevel = pgEnum("region_level", REGION_LEVELS);
export const orgKind = pgEnum("org_kind", ORG_KINDS);
export const institutionKind = pgEnum("institution_kind", INSTITUTION_KINDS);
export const orgStatus = pgEnum("org_status", ORG_STATUSES);
export const userRole = pgEnum("user_role", USER_ROLES);
export const memberRole = pgEnum("member_role", MEMBER_ROLES);
export const membershipStatus = pgEnum("membership_status", MEMBERSHIP_STATUSES);
export const supervision = pgEnum("supervision", SUPERVISIONS);
export const purpose = pgEnum("purpose", PURPOSES);
export const regime = pgEnum("regime", REGIMES);
export const method = pgEnum("method", METHODS);
export const instrumentStatus = pgEnum("instrument_status", INSTRUMENT_STATUSES);
export const origin = pgEnum("origin", ORIGINS);
export const filingStatus = pgEnum("filing_status", FILING_STATUSES);
export const flowStatus = pgEnum("flow_status", FLOW_STATUSES);
export const outboxStatus = pgEnum("outbox_status", OUTBOX_STATUSES);
export const attachmentSlot = pgEnum("attachment_slot", ATTACHMENT_SLOTS);
export const calendarDayKind = pgEnum("calendar_day_kind", CALENDAR_DAY_KINDS);
export const appointmentState = pgEnum("appointment_state", APPOINTMENT_STATES);
export const appointmentItemState = pgEnum("appointment_item_state", APPOINTMENT_ITEM_STATES);
export const verdict = pgEnum("verdict", VERDICTS);
export const certificateKind = pgEnum("certificate_kind", CERTIFICATE_KINDS);
export const certificateState = pgEnum("certificate_state", CERTIFICATE_STATES);
// Issue 12 — regulator workspace (regwork)
export const noticeState = pgEnum("notice_state", NOTICE_STATES);
export const noticeKind = pgEnum("notice_kind", NOTICE_KINDS);
