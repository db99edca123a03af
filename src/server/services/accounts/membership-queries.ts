import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { membershipListInput } from "@/lib/schemas/accounts";
import type { Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { memberships, organisations, users } from "@/server/db/schema";

type EnterpriseScope = Extract<Scope, { kind: "enterprise" }>;

/** A personal user's own join requests and their outcome. */
export function myMembershipRequests(db: Queryable, userId: number) {
  return db
    .select({ id: memberships.id, status: memberships.status, reason: memberships.reason, createdAt: memberships.createdAt, orgName: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(desc(memberships.id))
    .limit(20);
}

/** Members and requests of the caller's own enterprise (R-SCOPE-1). */
export function membershipList(db: Queryable, scope: EnterpriseScope, input: z.infer<typeof membershipListInput>) {
  const where: (SQL | undefined)[] = [eq(memberships.orgId, scope.orgId), input.status ? eq(memberships.status, input.status) : undefined];
  return db
    .select({
      id: memberships.id,
      status: memberships.status,
      memberRole: memberships.memberRole,
      reason: memberships.reason,
      createdAt: memberships.createdAt,
      decidedAt: memberships.decidedAt,
      username: users.username,
      displayName: users.displayName,
      phone: users.phone,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...where))
    .orderBy(desc(memberships.id))
    .limit(500);
}
