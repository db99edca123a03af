import { index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, ref } from "./_columns";
import { files } from "./files";
import { instruments } from "./instruments";

/**
 * Files attached to an instrument (R-LED-3). Minimal version defined by the filing branch so that R-CAT-2
 * (P+V needs a type-evaluation report) can be checked; the ledger branch owns the full table.
 */
export const instrumentAttachments = pgTable(
  "instrument_attachments",
  {
    id: id(),
    instrumentId: ref("instrument_id")
      .notNull()
      .references(() => instruments.id),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
    /** 'type_evaluation' (型式评价报告 / 型式批准证书) or 'other'. */
    slot: text("slot").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("instrument_attachments_instrument_idx").on(t.instrumentId)],
);
