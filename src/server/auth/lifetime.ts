import "server-only";
/**
 * R-ACC-5 and issue 9 #5: a session ends after 30 idle minutes, and in any case a fixed time after sign-in —
 * refreshing the token (the page calls /api/auth/session while in use) cannot keep a stolen cookie alive
 * for ever. Pure; the clock is passed in (seconds since the epoch, as in JWT claims).
 */
export const SESSION_IDLE_SECONDS = 30 * 60;
export const DEFAULT_SESSION_MAX_HOURS = 12;

/** The absolute lifetime in seconds: SESSION_MAX_HOURS (a positive number of hours, fractions allowed), else 12 h. */
export function sessionMaxSeconds(value: string | undefined = process.env.SESSION_MAX_HOURS): number {
  const hours = Number(value);
  return Math.round((value && Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_SESSION_MAX_HOURS) * 3600);
}

type Claims = { authAt?: unknown; iat?: unknown };

/**
 * When the session began: `authAt`, stamped at sign-in. A token minted before `authAt` existed counts from
 * its own `iat` (at most 30 idle minutes old), and gets `authAt` at its next refresh, so it too ends in time.
 */
export function sessionStartedAt(token: Claims): number | null {
  if (typeof token.authAt === "number") return token.authAt;
  return typeof token.iat === "number" ? token.iat : null;
}

export function sessionWithinLifetime(token: Claims, nowSeconds: number, maxSeconds = sessionMaxSeconds()): boolean {
  const started = sessionStartedAt(token);
  return started !== null && nowSeconds - started < maxSeconds;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Thrown by the token refresh once the lifetime is over: next-auth then clears the cookie (a normal end, not logged). */
export class SessionLifetimeOver extends Error {
  constructor() {
    super("会话已超过最长有效期，请重新登录");
    this.name = "SessionLifetimeOver";
  }
}
