import "server-only";
import { and, desc, eq, ilike, lt, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { auditListInput, userListInput } from "@/lib/schemas/admin";
import { inRegion, regionFilterOf, type Scope } from "@/server/authz/scope";
import { page } from "@/server/db/keyset";
import { escapeLike } from "@/server/db/like";
import type { Queryable } from "@/server/db/open";
import { auditLog, organisations, users } from "@/server/db/schema";
import { describeAuditRows } from "@/server/services/audit-view";

type AdminScope = Extract<Scope, { kind: "admin" }>;

/** The audit log, newest first, filtered by entity and action (administrators only). */
export async function auditLogPage(db: Queryable, _scope: AdminScope, input: z.infer<typeof auditListInput>) {
  const where: (SQL | undefined)[] = [
    input.cursor ? lt(auditLog.id, input.cursor) : undefined,
    input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
    input.action ? eq(auditLog.action, input.action) : undefined,
  ];
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      actor: users.username,
      ip: auditLog.ip,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  // Chinese action and object names, field changes in words (issue 9 #16).
  return { ...p, items: await describeAuditRows(db, p.items) };
}

/** Every account, newest first, by role, region of its organisation and a search text (administrators only). */
export async function userPage(db: Queryable, _scope: AdminScope, input: z.infer<typeof userListInput>) {
  const q = input.q ? escapeLike(input.q) : null;
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      lockedUntil: users.lockedUntil,
      lastLoginAt: users.lastLoginAt,
      orgName: organisations.name,
      orgStatus: organisations.status,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(
      and(
        input.cursor ? lt(users.id, input.cursor) : undefined,
        input.role ? eq(users.role, input.role) : undefined,
        input.regionCode ? inRegion(organisations, regionFilterOf(input.regionCode)) : undefined,
        q ? or(ilike(users.username, q), ilike(users.displayName, q), ilike(organisations.name, q)) : undefined,
      ),
    )
    .orderBy(desc(users.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}
