import "server-only";
import { eq, type SQL } from "drizzle-orm";
import type { DocumentReader } from "@/server/authz/document-reader";
import { certificates } from "@/server/db/schema";

/** The documents a reader sees: the enterprise's own, or those the institution issued (R-SCOPE-4: others are not found). */
export function readerWhere(r: Pick<DocumentReader, "reader" | "orgId">): SQL {
  return r.reader === "enterprise" ? eq(certificates.enterpriseId, r.orgId) : eq(certificates.institutionId, r.orgId);
}
