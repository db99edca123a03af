import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { AppointmentState } from "@/lib/vocab";
import { createdAt, id, ref, updatedAt } from "./_columns";
import { appointmentSlots } from "./calendar";
import { files } from "./files";
import { appointmentItemState, appointmentState, certificateKind, certificateState, method, verdict } from "./enums";
import { instruments } from "./instruments";
import { organisations } from "./organisations";

/** One step of an appointment's timeline, shown to both sides (issue 10 item 5). */
export type AppointmentHistoryEntry = {
  at: string;
  /** What happened: created, submitted, confirmed, rescheduled, rejected, item_cancelled, received, returned, result, completed… */
  action: string;
  /** The appointment's state after the step (absent when the step did not change it). */
  state?: AppointmentState;
  byOrgId: number | null;
  byUserId: number | null;
  /** Reason or note in the user's words (reschedule, reject, 退单 reason). */
  text?: string;
  /** New date and slot after a reschedule. */
  day?: string;
  slotLabel?: string;
  /** Instruments the step concerned, for item-level steps. */
  instrumentIds?: number[];
};

/**
 * 预约单 (R-APT-2…4): one enterprise, one institution, one method, one date and slot, many instruments.
 * `number` (R-APT-3) is given on submission; a draft has none. Slot time is copied in at booking so the
 * sheet keeps what was agreed even if the institution later edits its slots.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    number: text("number"),
    enterpriseId: ref("enterprise_id")
      .notNull()
      .references(() => organisations.id),
    institutionId: ref("institution_id")
      .notNull()
      .references(() => organisations.id),
    method: method("method").notNull(),
    state: appointmentState("state").notNull().default("draft"),
    day: date("day").notNull(),
    slotId: ref("slot_id")
      .notNull()
      .references(() => appointmentSlots.id),
    slotLabel: text("slot_label").notNull(),
    slotStart: text("slot_start").notNull(),
    slotEnd: text("slot_end").notNull(),
    /** Instruments holding places in the slot (open items), kept by the services that change items. */
    instrumentCount: integer("instrument_count").notNull().default(0),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    /** On-site: where the team goes (defaults to the enterprise's address). */
    siteAddress: text("site_address"),
    remark: text("remark"),
    rejectReason: text("reject_reason"),
    /** Whether the rejection also returned the instruments' filings (取消备案状态, R-APT-4). */
    rejectCancelledFilings: boolean("reject_cancelled_filings").notNull().default(false),
    rescheduleReason: text("reschedule_reason"),
    createdBy: ref("created_by"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    history: jsonb("history").$type<AppointmentHistoryEntry[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("appointments_number_uq").on(t.number),
    index("appointments_enterprise_state_idx").on(t.enterpriseId, t.state, t.id),
    // 公示 on the public home (issue 11 #4): the latest completed appointments.
    index("appointments_completed_idx").on(t.completedAt).where(sql`${t.state} = 'completed'`),
    index("appointments_enterprise_idx").on(t.enterpriseId, t.id),
    // The institution never sees drafts: its lists (预约确认, 接收登记) filter by state and date.
    index("appointments_institution_state_day_idx").on(t.institutionId, t.state, t.day, t.id).where(sql`${t.state} <> 'draft'`),
    index("appointments_institution_day_idx").on(t.institutionId, t.day, t.id).where(sql`${t.state} <> 'draft'`),
    index("appointments_institution_idx").on(t.institutionId, t.id).where(sql`${t.state} <> 'draft'`),
    // 任务分配 (issue 12 item 5): appointments not yet received, newest first.
    index("appointments_movable_idx").on(t.id).where(sql`${t.state} in ('submitted', 'confirmed', 'rescheduled')`),
  ],
);

/**
 * Places taken in one slot on one day for one method, in instruments (R-APT-5). Booking adds to `used` with a
 * row-locking upsert and refuses when it passes the slot's capacity, so two enterprises racing for the last
 * place queue on this row and exactly one wins.
 */
export const slotUsage = pgTable(
  "slot_usage",
  {
    institutionId: ref("institution_id")
      .notNull()
      .references(() => organisations.id),
    day: date("day").notNull(),
    slotId: ref("slot_id")
      .notNull()
      .references(() => appointmentSlots.id),
    method: method("method").notNull(),
    used: integer("used").notNull(),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.day, t.slotId, t.method] }), check("slot_usage_used_nonneg", sql`${t.used} >= 0`)],
);

/** One instrument in one appointment (R-APT-1, R-APT-6). */
export const appointmentItems = pgTable(
  "appointment_items",
  {
    id: id(),
    appointmentId: ref("appointment_id")
      .notNull()
      .references(() => appointments.id),
    instrumentId: ref("instrument_id")
      .notNull()
      .references(() => instruments.id),
    enterpriseId: ref("enterprise_id")
      .notNull()
      .references(() => organisations.id),
    state: appointmentItemState("state").notNull().default("booked"),
    /** 退单 reason (R-APT-6) or the enterprise's cancel note. */
    reason: text("reason"),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    receivedBy: ref("received_by"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("appointment_items_appointment_instrument_uq").on(t.appointmentId, t.instrumentId),
    // R-APT-1: an instrument is in at most one open appointment, even when two bookings race.
    uniqueIndex("appointment_items_open_instrument_uq").on(t.instrumentId).where(sql`${t.state} in ('booked', 'received')`),
    index("appointment_items_instrument_idx").on(t.instrumentId, t.id),
  ],
);

/** 检定结果 (R-RES-1): one per received instrument of an appointment; the fee gates the certificate (R-RES-4). */
export const results = pgTable(
  "results",
  {
    id: id(),
    appointmentItemId: ref("appointment_item_id")
      .notNull()
      .references(() => appointmentItems.id),
    appointmentId: ref("appointment_id")
      .notNull()
      .references(() => appointments.id),
    instrumentId: ref("instrument_id")
      .notNull()
      .references(() => instruments.id),
    enterpriseId: ref("enterprise_id")
      .notNull()
      .references(() => organisations.id),
    institutionId: ref("institution_id")
      .notNull()
      .references(() => organisations.id),
    verdict: verdict("verdict").notNull(),
    verifiedOn: date("verified_on").notNull(),
    validUntil: date("valid_until"),
    verifier: text("verifier").notNull(),
    checker: text("checker").notNull(),
    approver: text("approver").notNull(),
    conclusion: text("conclusion"),
    /** Repair or other fee in fen (分); null = no fee. Until paid the enterprise cannot download (R-RES-4). */
    feeCents: integer("fee_cents"),
    feeNote: text("fee_note"),
    feePaidAt: timestamp("fee_paid_at", { withTimezone: true }),
    feePaidBy: ref("fee_paid_by"),
    recordedBy: ref("recorded_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("results_item_uq").on(t.appointmentItemId),
    index("results_institution_idx").on(t.institutionId, t.id),
    index("results_institution_day_idx").on(t.institutionId, t.verifiedOn),
    // 检定结果 list filtered by 合格 / 不合格 (issue 10 item 6).
    index("results_institution_verdict_idx").on(t.institutionId, t.verdict, t.id),
    index("results_enterprise_idx").on(t.enterpriseId, t.id),
    index("results_instrument_idx").on(t.instrumentId, t.id),
    index("results_appointment_idx").on(t.appointmentId, t.id),
    check("results_valid_after_verified", sql`${t.validUntil} is null or ${t.validUntil} >= ${t.verifiedOn}`),
    check("results_fee_nonneg", sql`${t.feeCents} is null or ${t.feeCents} >= 0`),
  ],
);

/** What a certificate or fail notice shows, frozen when it is issued (the ledger may change later). */
export type CertificateSnapshot = {
  instrument: {
    name: string;
    model: string;
    serialNo: string;
    manufacturer: string;
    instrumentCode: string | null;
    measuringRange: string | null;
    accuracyClass: string | null;
    kindName: string;
  };
  userUnit: { name: string; address: string | null };
  institution: { name: string; code: string | null; address: string | null; contactPhone: string | null; authorisationCertNo: string | null };
  verifier: string;
  checker: string;
  approver: string;
  conclusion: string | null;
};

/**
 * 检定证书 / 检定结果通知书 (R-RES-2, R-RES-3). `token` is random and unguessable: the QR code opens
 * `/v/{token}` (R-PUB-1). Re-issue revokes the row and issues a new one that `replacesId` points back from;
 * at most one live document per result.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: id(),
    kind: certificateKind("kind").notNull(),
    number: text("number").notNull(),
    token: text("token").notNull(),
    state: certificateState("state").notNull().default("issued"),
    resultId: ref("result_id")
      .notNull()
      .references(() => results.id),
    instrumentId: ref("instrument_id")
      .notNull()
      .references(() => instruments.id),
    enterpriseId: ref("enterprise_id")
      .notNull()
      .references(() => organisations.id),
    institutionId: ref("institution_id")
      .notNull()
      .references(() => organisations.id),
    appointmentId: ref("appointment_id")
      .notNull()
      .references(() => appointments.id),
    issuedOn: date("issued_on").notNull(),
    verifiedOn: date("verified_on").notNull(),
    validUntil: date("valid_until"),
    snapshot: jsonb("snapshot").$type<CertificateSnapshot>().notNull(),
    /** SHA-256 of the PDF as issued, hex (R-PUB-4, filled when the signed PDF is produced). */
    pdfSha256: text("pdf_sha256"),
    /** The signed PDF as issued, in the file store (R-PUB-4): drawn and signed once, on the first download. */
    pdfFileId: text("pdf_file_id").references(() => files.id),
    replacesId: ref("replaces_id"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: ref("revoked_by"),
    revokeReason: text("revoke_reason"),
    issuedBy: ref("issued_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("certificates_number_uq").on(t.number),
    uniqueIndex("certificates_token_uq").on(t.token),
    uniqueIndex("certificates_live_result_uq").on(t.resultId).where(sql`${t.state} = 'issued'`),
    index("certificates_enterprise_idx").on(t.enterpriseId, t.id),
    index("certificates_institution_idx").on(t.institutionId, t.id),
    index("certificates_instrument_idx").on(t.instrumentId, t.id),
    index("certificates_appointment_idx").on(t.appointmentId, t.id),
    // 证书 lists filtered by issue date (issue 10 item 7).
    index("certificates_enterprise_issued_idx").on(t.enterpriseId, t.issuedOn, t.id),
    index("certificates_institution_issued_idx").on(t.institutionId, t.issuedOn, t.id),
  ],
);
