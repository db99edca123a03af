import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { loginAttempts, users } from "@/server/db/schema";
import { afterFailure, afterSuccess, isLocked, LOCK_MINUTES, MAX_FAILED_LOGINS, minutesLeft } from "@/server/domain/auth/lockout";
import { writeAudit } from "@/server/services/audit";
import { dummyVerify, verifyPassword } from "./password";

export type SignInResult =
  | { ok: true; userId: number; sessionVersion: number }
  | { ok: false; message: string; reason: "bad_credentials" | "locked" | "disabled" | "malformed" };

export const SIGN_IN_MESSAGES = {
  bad: "用户名或密码错误",
  malformed: "请输入用户名和密码",
  disabled: "账户已停用，请联系平台管理员",
  locked: (minutes: number) =>
    `密码连续错误 ${MAX_FAILED_LOGINS} 次，账户已锁定 ${LOCK_MINUTES} 分钟，请 ${minutes} 分钟后再试`,
};

/**
 * Checks a username and password (R-ACC-2): counts failures in the database, locks the account after the
 * 5th, and logs every attempt. Unknown users and wrong passwords get the same message and the same delay.
 */
export async function signIn(
  db: DB,
  input: { username: unknown; password: unknown; ip?: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const username = typeof input.username === "string" ? input.username.trim().toLowerCase() : "";
  const password = typeof input.password === "string" ? input.password : "";
  const ip = input.ip ?? null;
  if (!username || !password || username.length > 64 || password.length > 128) {
    return { ok: false, reason: "malformed", message: SIGN_IN_MESSAGES.malformed };
  }
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const log = (userId: number | null, success: boolean, reason: string) =>
    db.insert(loginAttempts).values({ username, userId, ip, success, reason, at: now });

  if (!user) {
    await dummyVerify(password);
    await log(null, false, "unknown_user");
    return { ok: false, reason: "bad_credentials", message: SIGN_IN_MESSAGES.bad };
  }
  if (!user.active) {
    await log(user.id, false, "disabled");
    return { ok: false, reason: "disabled", message: SIGN_IN_MESSAGES.disabled };
  }
  if (isLocked(user, now)) {
    await log(user.id, false, "locked");
    return { ok: false, reason: "locked", message: SIGN_IN_MESSAGES.locked(minutesLeft(user, now)) };
  }
  const good = await verifyPassword(user.passwordHash, password);
  if (!good) {
    const next = afterFailure(user, now);
    await db.transaction(async (tx) => {
      await tx.update(users).set(next).where(eq(users.id, user.id));
      await tx.insert(loginAttempts).values({ username, userId: user.id, ip, success: false, reason: "bad_password", at: now });
      if (next.lockedUntil) {
        await writeAudit(tx, { userId: null, orgId: null, ip }, {
          action: "user.lock",
          entityType: "user",
          entityId: user.id,
          after: { lockedUntil: next.lockedUntil.toISOString() },
        });
      }
    });
    if (next.lockedUntil) return { ok: false, reason: "locked", message: SIGN_IN_MESSAGES.locked(LOCK_MINUTES) };
    return { ok: false, reason: "bad_credentials", message: SIGN_IN_MESSAGES.bad };
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ ...afterSuccess(), lastLoginAt: now }).where(eq(users.id, user.id));
    await tx.insert(loginAttempts).values({ username, userId: user.id, ip, success: true, reason: "ok", at: now });
  });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}

/** Sign-out (R-ACC-5): every token minted so far for this user stops working, not only this browser's cookie. */
export async function endSessions(db: DB, userId: number, ip: string | null = null) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await writeAudit(tx, { userId, orgId: null, ip }, { action: "user.sign_out", entityType: "user", entityId: userId });
  });
}
