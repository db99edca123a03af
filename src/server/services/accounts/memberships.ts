import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { SessionUser } from "@/server/auth/session-user";
import type { DB, Queryable } from "@/server/db/open";
import { memberships, organisations, users } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";

/**
 * Membership (seed 004 2.5). How a personal user becomes an enterprise member: the owner's approval sets the
 * user's `orgId` to the enterprise and its `role` to "enterprise" with memberships.memberRole "member" (so
 * every enterprise screen and scope applies to them unchanged); removal sets them back to a personal user
 * without organisation and ends their sessions. A personal user has at most one open request or link.
 */
export async function applyToJoin(db: DB, user: SessionUser, actor: Actor, uscc: string) {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.uscc, uscc), eq(organisations.kind, "enterprise"), eq(organisations.status, "approved")))
      .limit(1);
    if (!org) throw new AppError("NOT_FOUND", "未找到该统一社会信用代码对应的已审核使用单位");
    const open = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), inArray(memberships.status, ["pending", "approved"])));
    if (open.length) throw new AppError("JOIN_EXISTS");
    const [row] = await tx
      .insert(memberships)
      .values({ userId: user.id, orgId: org.id, memberRole: "member", status: "pending" })
      .onConflictDoUpdate({
        target: [memberships.userId, memberships.orgId],
        set: { status: "pending", memberRole: "member", decidedBy: null, decidedAt: null, reason: null, createdAt: sql`now()` },
      })
      .returning({ id: memberships.id });
    await writeAudit(tx, actor, { action: "membership.apply", entityType: "membership", entityId: row!.id, after: { orgId: org.id, status: "pending" } });
    return { id: row!.id, orgName: org.name };
  });
}

/** The caller must be an approved owner of their organisation. */
export async function assertOwner(db: Queryable, user: SessionUser) {
  const orgId = user.org?.id;
  if (!orgId) throw new AppError("NOT_ORG_OWNER");
  const [m] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.orgId, orgId), eq(memberships.memberRole, "owner"), eq(memberships.status, "approved")))
    .limit(1);
  if (!m) throw new AppError("NOT_ORG_OWNER");
  return orgId;
}

type Decision = "approve" | "reject" | "remove";

/** The owner decides on a request or removes a member of their own organisation (others: NOT_FOUND). */
export async function decideMembership(db: DB, owner: SessionUser, actor: Actor, id: number, decision: Decision, reason?: string) {
  return db.transaction(async (tx) => {
    const orgId = await assertOwner(tx, owner);
    const [m] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, id), eq(memberships.orgId, orgId)))
      .for("update")
      .limit(1);
    if (!m) throw notFound();
    if (decision === "remove") {
      if (m.memberRole === "owner") throw new AppError("CANNOT_REMOVE_OWNER");
      if (m.status !== "approved") throw new AppError("JOIN_NOT_PENDING");
    } else if (m.status !== "pending") throw new AppError("JOIN_NOT_PENDING");
    const [u] = await tx.select().from(users).where(eq(users.id, m.userId)).for("update");
    if (!u) throw notFound();
    const now = new Date();
    const status = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "removed";
    if (decision === "approve") {
      if (u.role !== "personal" || u.orgId !== null) throw new AppError("JOIN_NOT_PENDING", "该用户已关联其他单位");
      await tx.update(users).set({ orgId, role: "enterprise" }).where(eq(users.id, u.id));
    }
    if (decision === "remove") {
      await tx
        .update(users)
        .set({ orgId: null, role: "personal", sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, u.id));
    }
    await tx
      .update(memberships)
      .set({ status, decidedBy: owner.id, decidedAt: now, reason: reason ?? null })
      .where(eq(memberships.id, m.id));
    await writeAudit(tx, actor, {
      action: `membership.${decision}`,
      entityType: "membership",
      entityId: m.id,
      before: { status: m.status, userRole: u.role, userOrgId: u.orgId },
      after: { status, reason: reason ?? null },
    });
    return { id: m.id, status };
  });
}
