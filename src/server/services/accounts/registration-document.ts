import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { SessionUser } from "@/server/auth/session-user";
import type { Queryable } from "@/server/db/open";
import { organisationDocuments, organisations } from "@/server/db/schema";
import { reviewScope } from "./review-scope";

/**
 * Whether a caller may download a registration document: the applicant's own organisation, or a reviewer
 * whose queue holds the registration (R-ACC-3). Anything else is "not found" (R-SCOPE-4).
 */
export async function canReadRegistrationDocument(db: Queryable, user: SessionUser | null, fileId: string) {
  if (!user || !/^[0-9a-f]{32}$/.test(fileId)) return false;
  const visible = user.org ? or(eq(organisations.id, user.org.id), reviewScope(user)) : reviewScope(user);
  const [row] = await db
    .select({ id: organisationDocuments.id })
    .from(organisationDocuments)
    .innerJoin(organisations, eq(organisations.id, organisationDocuments.orgId))
    .where(and(eq(organisationDocuments.fileId, fileId), visible))
    .limit(1);
  return !!row;
}
