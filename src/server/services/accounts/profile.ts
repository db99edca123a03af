import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { contactInput } from "@/lib/schemas/accounts";
import type { Actor } from "@/server/authz/caller";
import type { SessionUser } from "@/server/auth/session-user";
import type { DB, Queryable } from "@/server/db/open";
import { memberships, users } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { writeAudit } from "@/server/services/audit";

/** The caller's own account as the profile page shows it (also while a password reset is pending). */
export async function profileOf(db: Queryable, user: SessionUser) {
  const [u] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      phone: users.phone,
      email: users.email,
      mustChangePassword: users.mustChangePassword,
      memberRole: memberships.memberRole,
    })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, users.orgId), eq(memberships.status, "approved")))
    .where(eq(users.id, user.id))
    .limit(1);
  if (!u) throw notFound();
  return { ...u, orgName: user.org?.name ?? null };
}

/** The caller changes their own contact details; the change and its audit row commit together. */
export async function updateContact(db: DB, caller: { user: SessionUser; actor: Actor }, input: z.infer<typeof contactInput>) {
  const userId = caller.user.id;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ displayName: users.displayName, phone: users.phone, email: users.email })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!before) throw notFound();
    const after = { displayName: input.displayName, phone: input.phone, email: input.email || null };
    await tx.update(users).set(after).where(eq(users.id, userId));
    await writeAudit(tx, caller.actor, { action: "user.update_contact", entityType: "user", entityId: userId, before, after });
    return after;
  });
}
