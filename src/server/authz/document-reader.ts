import "server-only";
import type { SessionUser } from "@/server/auth/session-user";
import { AppError } from "@/server/errors";
import { asEnterprise, asInstitution, type OrgActor } from "./caller";

/**
 * Who reads certificates and fail notices (issue 10 item 7): the enterprise they were issued for (its own)
 * or the institution that issued them — not the institution's jurisdiction. Everyone else is refused by
 * role; a document outside the reader's own is simply not found.
 */
export type DocumentReader = { reader: "enterprise" | "institution"; orgId: number; actor: OrgActor };

export function asDocumentReader(user: SessionUser | null, ip: string | null): DocumentReader {
  if (user?.role === "enterprise") {
    const c = asEnterprise(user, ip);
    return { reader: "enterprise", orgId: c.org.id, actor: c.actor };
  }
  if (user?.role === "institution") {
    const c = asInstitution(user, ip);
    return { reader: "institution", orgId: c.org.id, actor: c.actor };
  }
  if (!user) throw new AppError("UNAUTHENTICATED");
  // Runs the common checks (forced password reset before role) in the same order as every other guard.
  asEnterprise(user, ip);
  throw new AppError("FORBIDDEN_ROLE");
}
