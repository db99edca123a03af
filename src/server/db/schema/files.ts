import { bigint, index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, ref } from "./_columns";

/**
 * Every uploaded file: stored outside the web root under UPLOAD_DIR by a random id, typed by its content.
 * Areas link to files by id (registration documents, instrument attachments…).
 */
export const files = pgTable(
  "files",
  {
    /** Random 32-hex id; also the file's name on disk. */
    id: text("id").primaryKey(),
    originalName: text("original_name").notNull(),
    /** Detected from content (magic bytes), never taken from the name or the browser. */
    mime: text("mime").notNull(),
    ext: text("ext").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: ref("uploaded_by"),
    ownerOrgId: ref("owner_org_id"),
    createdAt: createdAt(),
  },
  (t) => [index("files_owner_org_idx").on(t.ownerOrgId)],
);
