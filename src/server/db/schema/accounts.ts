import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { OUTBOX_CHANNELS } from "@/lib/vocab/outbox-channel";
import { createdAt, id, ref } from "./_columns";
import { outboxStatus } from "./enums";
import { files } from "./files";
import { organisations } from "./organisations";

/**
 * Registration documents of an organisation (business licence, signed authorisation letter, USCC
 * certificate). Resubmitting replaces the document of a kind: the newest row per kind is the current one.
 */
export const organisationDocuments = pgTable(
  "organisation_documents",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: ["business_licence", "authorisation_letter", "uscc_certificate"] }).notNull(),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
    createdAt: createdAt(),
  },
  (t) => [index("organisation_documents_org_idx").on(t.orgId, t.kind, t.id), uniqueIndex("organisation_documents_file_uq").on(t.fileId)],
);

/**
 * Messages to send (SMS now; e-mail and webhooks later). A message is written here in the transaction of the
 * event that causes it and sent only after that commits, by the delivery worker (src/server/jobs/outbox.ts,
 * R-NTF-1): `nextAttemptAt` is when a `pending` row is due, or when a `sending` row's lease runs out.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    channel: text("channel", { enum: OUTBOX_CHANNELS }).notNull(),
    recipient: text("recipient").notNull(),
    /** Which message it is (e.g. `sms_code`), and the values it was made from — `body` is the rendered text. */
    template: text("template").notNull().default("text"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    subject: text("subject"),
    body: text("body").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_status_idx").on(t.status, t.id),
    index("outbox_recipient_idx").on(t.recipient, t.id),
    // The worker's claim: only rows still to deliver, in due order. (Named by the old enum values: a value added
    // by a migration cannot be used in the same transaction.)
    index("outbox_due_idx")
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.status} not in ('sent', 'failed')`),
  ],
);

/**
 * One-time SMS verification codes (R-ACC-4): stored hashed, 5 minutes, 5 tries. The rows are also the
 * rate-limit counters per phone and per client address (counted over a time window, in the database).
 */
export const smsCodes = pgTable(
  "sms_codes",
  {
    id: id(),
    phone: text("phone").notNull(),
    purpose: text("purpose", { enum: ["register", "reset_password"] }).notNull(),
    codeHash: text("code_hash").notNull(),
    userId: ref("user_id"),
    ip: text("ip"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("sms_codes_phone_idx").on(t.phone, t.createdAt), index("sms_codes_ip_idx").on(t.ip, t.createdAt)],
);
