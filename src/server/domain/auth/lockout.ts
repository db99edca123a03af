/** R-ACC-2: after 5 failed sign-ins an account is locked for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type LockState = { failedLogins: number; lockedUntil: Date | null };

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** State after one more failure: the 5th consecutive failure locks the account and resets the counter. */
export function afterFailure(state: LockState, now: Date): LockState {
  const failed = (isLocked(state, now) ? 0 : state.failedLogins) + 1;
  if (failed >= MAX_FAILED_LOGINS) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  }
  return { failedLogins: failed, lockedUntil: null };
}

export function afterSuccess(): LockState {
  return { failedLogins: 0, lockedUntil: null };
}

export function minutesLeft(state: LockState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000));
}
