import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, updatedAt } from "./_columns";
import { catalogueKinds } from "./catalogue";
import { FILING_STATES, RETURN_REASONS, type FilingAction } from "@/lib/vocab";
import { method } from "./enums";
import { instruments } from "./instruments";
import { organisations } from "./organisations";

export const filingState = pgEnum("filing_state", FILING_STATES);
export const filingReturnReason = pgEnum("filing_return_reason", RETURN_REASONS);

/**
 * 检定能力 (SPEC §7): one row per institution × catalogue kind × method. `regionCodes` empty means the
 * institution's own jurisdiction (legal institutions only; authorised institutions must list regions).
 */
export const institutionCapabilities = pgTable(
  "institution_capabilities",
  {
    id: id(),
    institutionId: ref("institution_id")
      .notNull()
      .references(() => organisations.id),
    kindId: ref("kind_id")
      .notNull()
      .references(() => catalogueKinds.id),
    method: method("method").notNull(),
    regionCodes: text("region_codes").array().notNull().default([]),
    rangeNote: text("range_note"),
    /** Instruments per appointment slot per day; null = not limited. */
    dailyCapacity: integer("daily_capacity"),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("institution_capabilities_uq").on(t.institutionId, t.kindId, t.method),
    index("institution_capabilities_kind_idx").on(t.kindId, t.method).where(sql`${t.enabled}`),
  ],
);

export type FilingHistoryEntry = {
  at: string;
  action: FilingAction;
  byOrgId: number;
  byUserId: number | null;
  toOrgId?: number;
  reason?: string;
  text?: string;
};

/** One submission of one instrument to one institution (R-FIL-1…6). */
export const filings = pgTable(
  "filings",
  {
    id: id(),
    instrumentId: ref("instrument_id")
      .notNull()
      .references(() => instruments.id),
    enterpriseId: ref("enterprise_id")
      .notNull()
      .references(() => organisations.id),
    /** The institution the enterprise submitted to (the city institution that reviews). */
    institutionId: ref("institution_id")
      .notNull()
      .references(() => organisations.id),
    /** County institution the filing was handed to (R-FIL-2), while it is with that institution or after it confirmed. */
    assignedInstitutionId: ref("assigned_institution_id").references(() => organisations.id),
    state: filingState("state").notNull().default("pending"),
    returnReason: filingReturnReason("return_reason"),
    returnText: text("return_text"),
    submittedBy: ref("submitted_by"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: ref("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** China day of approval (R-TIME-1) and the code it produced (R-FIL-4). */
    approvedOn: date("approved_on"),
    instrumentCode: text("instrument_code"),
    history: jsonb("history").$type<FilingHistoryEntry[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // At most one open filing per instrument: a second submission fails on this index even under races.
    uniqueIndex("filings_open_instrument_uq").on(t.instrumentId).where(sql`${t.state} in ('pending', 'assigned')`),
    index("filings_instrument_idx").on(t.instrumentId, t.id),
    index("filings_institution_state_idx").on(t.institutionId, t.state, t.id),
    index("filings_assigned_state_idx").on(t.assignedInstitutionId, t.state, t.id).where(sql`${t.assignedInstitutionId} is not null`),
    index("filings_enterprise_state_idx").on(t.enterpriseId, t.state, t.id),
    // 任务分配 (issue 12 item 5): the open filings, newest first.
    index("filings_open_idx").on(t.id).where(sql`${t.state} in ('pending', 'assigned')`),
    // 公示 on the public home (issue 11 #4): the latest approved filings.
    index("filings_filed_decided_idx").on(t.decidedAt).where(sql`${t.state} = 'filed'`),
  ],
);
