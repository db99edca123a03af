import { bigint, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref } from "./_columns";
import { attachmentSlot } from "./enums";
import { files } from "./files";
import { instruments } from "./instruments";
import { organisations } from "./organisations";

/**
 * Files attached to an instrument (R-LED-3). `slot` separates the type-evaluation report (型式评价报告,
 * required before filing a P+V instrument, R-CAT-2) from the other documents (相关资料).
 */
export const instrumentAttachments = pgTable(
  "instrument_attachments",
  {
    id: id(),
    instrumentId: ref("instrument_id")
      .notNull()
      .references(() => instruments.id, { onDelete: "cascade" }),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
    /** "general" (相关资料) or "type_evaluation" (型式评价报告). */
    slot: attachmentSlot("slot").notNull().default("general"),
    /** Copied from files.size so the 10 MB per-instrument total is one indexed sum. */
    size: bigint("size", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("instrument_attachments_instrument_idx").on(t.instrumentId, t.slot)],
);

/**
 * One confirmed Excel import per enterprise and file content (sha256): a repeat of the same file is
 * recognised and does nothing (R-LED-5).
 */
export const ledgerImports = pgTable(
  "ledger_imports",
  {
    id: id(),
    enterpriseId: ref("enterprise_id")
      .notNull()
      .references(() => organisations.id),
    sha256: text("sha256").notNull(),
    fileName: text("file_name").notNull(),
    rowCount: integer("row_count").notNull(),
    importedBy: ref("imported_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("ledger_imports_enterprise_sha_uq").on(t.enterpriseId, t.sha256)],
);
