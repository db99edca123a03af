import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { DB } from "@/server/db/open";
import { users } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";
import { checkSmsCode, consumeSmsCode, issueSmsCode } from "./sms-codes";

/**
 * R-ACC-4 step 1: a code is sent only when the username and phone belong together; the answer is the same
 * either way so that nobody learns which usernames or phones exist. Rate limits count every request.
 */
export async function requestResetCode(db: DB, input: { username: string; phone: string; ip: string | null }, now = new Date()) {
  const [user] = await db
    .select({ id: users.id, active: users.active })
    .from(users)
    .where(and(eq(users.username, input.username), eq(users.phone, input.phone)))
    .limit(1);
  await issueSmsCode(
    db,
    { phone: input.phone, purpose: "reset_password", userId: user?.id ?? null, ip: input.ip, deliver: !!user?.active },
    now,
  );
  return { sent: true as const };
}

/**
 * R-ACC-4 step 2: username + phone + code → new password (R-ACC-2). Ends every session, clears the lockout
 * and the forced-reset flag; audit row in the same transaction.
 */
export async function resetPassword(
  db: DB,
  input: { username: string; phone: string; code: string; password: string; ip: string | null },
  now = new Date(),
) {
  const [user] = await db
    .select({ id: users.id, orgId: users.orgId, active: users.active })
    .from(users)
    .where(and(eq(users.username, input.username), eq(users.phone, input.phone)))
    .limit(1);
  const codeId = await checkSmsCode(db, { phone: input.phone, purpose: "reset_password", code: input.code }, now);
  if (!user || !user.active) throw new AppError("RESET_MISMATCH");
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await consumeSmsCode(tx, codeId, now);
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await writeAudit(tx, { userId: user.id, orgId: user.orgId, ip: input.ip }, {
      action: "user.password_reset",
      entityType: "user",
      entityId: user.id,
      after: { via: "sms" },
    });
  });
}

/** Profile: change password with the old one (R-ACC-2). Other sessions end; this one gets a fresh version. */
export async function changePassword(db: DB, userId: number, actor: Actor, input: { oldPassword: string; password: string }) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, input.oldPassword)))
    throw new AppError("PASSWORD_WRONG", undefined, { fieldErrors: { oldPassword: "原密码不正确" } });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ sessionVersion: users.sessionVersion });
    await writeAudit(tx, actor, { action: "user.password_change", entityType: "user", entityId: userId });
    return { sessionVersion: row!.sessionVersion };
  });
}

/** Administrator: disable or enable an account (disabling ends its sessions at once). */
export async function setUserActive(db: DB, actor: Actor, userId: number, active: boolean) {
  if (actor.userId === userId && !active) throw new AppError("CANNOT_DISABLE_SELF");
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).for("update");
    if (!before) throw notFound();
    await tx
      .update(users)
      .set(active ? { active: true, failedLogins: 0, lockedUntil: null } : { active: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await writeAudit(tx, actor, {
      action: active ? "user.enable" : "user.disable",
      entityType: "user",
      entityId: userId,
      before,
      after: { active },
    });
  });
}

/** Administrator: the user must choose a new password at next sign-in; current sessions end now. */
export async function forcePasswordReset(db: DB, actor: Actor, userId: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!row) throw notFound();
    await writeAudit(tx, actor, { action: "user.force_password_reset", entityType: "user", entityId: userId, after: { mustChangePassword: true } });
  });
}
