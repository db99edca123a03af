import { sql } from "drizzle-orm";
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { NOTIFY_EVENTS } from "@/lib/vocab/notify-event";
import { createdAt, id, ref, updatedAt } from "./_columns";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * In-app messages (issue 13 #2): written by the in-app channel's provider when the delivery worker sends an
 * outbox row (one message per outbox row: `outboxId` is unique, so a row delivered twice — the lease ran out —
 * still makes one message).
 */
export const messages = pgTable(
  "messages",
  {
    id: id(),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id),
    event: text("event", { enum: NOTIFY_EVENTS }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    outboxId: ref("outbox_id"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("messages_user_idx").on(t.userId, t.id),
    // The bell's unread count reads only this index.
    index("messages_user_unread_idx").on(t.userId, t.id).where(sql`${t.readAt} is null`),
    uniqueIndex("messages_outbox_uq").on(t.outboxId),
  ],
);

/** A user's choice of channels for one kind of event (issue 13 #5); no row = the defaults of the vocabulary. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    id: id(),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id),
    event: text("event", { enum: NOTIFY_EVENTS }).notNull(),
    email: boolean("email").notNull(),
    sms: boolean("sms").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("notification_preferences_user_event_uq").on(t.userId, t.event)],
);

/**
 * An organisation's outgoing webhook (issue 13 #2), set by its owner: every event of the organisation is
 * POSTed to `url`, signed with HMAC-SHA256 over the timestamp and the body with `secret`.
 */
export const organisationWebhooks = pgTable(
  "organisation_webhooks",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organisations.id),
    url: text("url").notNull(),
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organisation_webhooks_org_uq").on(t.orgId)],
);

/**
 * Expiry warnings the daily sweep gave (R-WRN-1): one row per instrument × kind × validity period — the unique
 * key that makes the sweep idempotent. `notifiedAt` is set when the enterprise was told, `digestedAt` when the
 * overdue instrument went into its institution's and regulators' daily digest (partial indexes find the rest).
 */
export const expiryWarnings = pgTable(
  "expiry_warnings",
  {
    id: id(),
    /**
     * No foreign key to instruments (migration 0023, issue 14): its row-level check took a FOR KEY SHARE lock on
     * every warned instrument — about a third of the daily sweep at 10M, dirtying ~500k instrument pages. Every
     * path that deletes instruments deletes their warnings in the same transaction instead
     * (`deleteInstrumentRows`, src/server/services/ledger/delete-rows.ts; tests/notify/sweep-deleted-instruments.int.test.ts).
     */
    instrumentId: ref("instrument_id").notNull(),
    enterpriseId: ref("enterprise_id").notNull(),
    kind: text("kind", { enum: ["due30", "expired"] }).notNull(),
    validUntil: date("valid_until").notNull(),
    /** The China calendar day of the sweep that found it. */
    day: date("day").notNull(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    digestedAt: timestamp("digested_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("expiry_warnings_instrument_kind_valid_uq").on(t.instrumentId, t.kind, t.validUntil),
    index("expiry_warnings_unnotified_idx").on(t.enterpriseId, t.id).where(sql`${t.notifiedAt} is null`),
    index("expiry_warnings_undigested_idx").on(t.id).where(sql`${t.kind} = 'expired' and ${t.digestedAt} is null`),
  ],
);

/** Which China calendar day a daily job last ran (R-TIME-1): the worker runs the sweep once per day. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: id(),
    job: text("job").notNull(),
    day: date("day").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("job_runs_job_day_uq").on(t.job, t.day)],
);
