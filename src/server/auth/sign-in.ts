import "server-only";
import { and, desc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { loginAttempts, users } from "@/server/db/schema";
import {
  afterFailure,
  afterSuccess,
  isLocked,
  LOCK_MINUTES,
  type LockState,
  MAX_FAILED_LOGINS,
  minutesLeft,
} from "@/server/domain/auth/lockout";
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
    // An unknown name locks exactly like a real account (issue 9 #8), else 已锁定 would tell which names exist.
    // Its failures are the unknown_user rows of the attempt log.
    const state = await unknownUserLockState(db, username, now);
    if (isLocked(state, now)) {
      await log(null, false, "locked");
      return { ok: false, reason: "locked", message: SIGN_IN_MESSAGES.locked(minutesLeft(state, now)) };
    }
    await dummyVerify(password);
    await log(null, false, "unknown_user");
    if (afterFailure(state, now).lockedUntil) return { ok: false, reason: "locked", message: SIGN_IN_MESSAGES.locked(LOCK_MINUTES) };
    return { ok: false, reason: "bad_credentials", message: SIGN_IN_MESSAGES.bad };
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
  // 已停用 is said only to someone who knows the password: before it, a disabled account answers like any
  // other, or the message would tell a stranger which names exist.
  if (!user.active) {
    await log(user.id, false, "disabled");
    return { ok: false, reason: "disabled", message: SIGN_IN_MESSAGES.disabled };
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ ...afterSuccess(), lastLoginAt: now }).where(eq(users.id, user.id));
    await tx.insert(loginAttempts).values({ username, userId: user.id, ip, success: true, reason: "ok", at: now });
  });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}

/** How far back the attempt log is replayed for a name that has no account (bounded work per attempt). */
const UNKNOWN_USER_WINDOW_MS = 24 * 3600_000;
const UNKNOWN_USER_MAX_ROWS = 100;

/**
 * The lock state a name without an account would have, replayed from its logged attempts with the same rule
 * as real accounts (src/server/domain/auth/lockout.ts): each unknown_user row is a failure, a "locked" row
 * (refused while locked) changes nothing.
 */
async function unknownUserLockState(db: DB, username: string, now: Date): Promise<LockState> {
  const rows = await db
    .select({ at: loginAttempts.at, reason: loginAttempts.reason })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        isNull(loginAttempts.userId),
        gt(loginAttempts.at, new Date(now.getTime() - UNKNOWN_USER_WINDOW_MS)),
        lte(loginAttempts.at, now),
      ),
    )
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
    .limit(UNKNOWN_USER_MAX_ROWS);
  let state: LockState = afterSuccess();
  for (const row of rows.reverse()) {
    if (row.reason === "unknown_user" && !isLocked(state, row.at)) state = afterFailure(state, row.at);
  }
  return state;
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
