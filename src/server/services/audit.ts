import "server-only";
import { auditLog } from "@/server/db/schema";
import type { Queryable } from "@/server/db/open";

import type { Actor } from "@/server/authz/caller";

/** Who acts: a signed-in user (with organisation), or the system (seed, jobs). */
export type { Actor };
export const SYSTEM_ACTOR: Actor = { userId: null, orgId: null, ip: null };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

/** Must be called with the transaction that makes the change, so the row and the change commit together. */
export async function writeAudit(tx: Queryable, actor: Actor, entries: AuditEntry | AuditEntry[]) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.insert(auditLog).values(
    list.map((e) => ({
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      ip: actor.ip ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: String(e.entityId),
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}
