import "server-only";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import type { SessionUser } from "@/server/auth/session-user";
import { organisations } from "@/server/db/schema";
import { scopeOf } from "@/server/authz/scope";

/**
 * R-ACC-3 review queues as a WHERE clause: an administrator reviews every registration; the legal CITY
 * institution of a city reviews the enterprises registered in that city; nobody else reviews anything (a
 * registration outside the queue is NOT_FOUND).
 */
export function reviewScope(user: SessionUser | null): SQL {
  const scope = scopeOf({ user });
  if (scope.kind === "admin") return ne(organisations.kind, "platform");
  const org = user?.org;
  if (scope.kind === "legalInstitution" && org?.level === "city" && org.cityCode) {
    return and(eq(organisations.kind, "enterprise"), eq(organisations.cityCode, org.cityCode)) as SQL;
  }
  return sql`false`;
}
