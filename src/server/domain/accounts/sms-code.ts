/** R-ACC-4 SMS code rules, pure: 6 digits, valid 5 minutes, 5 tries; requests rate-limited. */
export const CODE_TTL_MINUTES = 5;
export const CODE_MAX_TRIES = 5;
/** Per phone: one code a minute (per purpose) and at most 5 an hour; per client address: at most 20 an hour. */
export const PHONE_MIN_INTERVAL_SECONDS = 60;
export const PHONE_MAX_PER_HOUR = 5;
export const IP_MAX_PER_HOUR = 20;

export type CodeRow = { expiresAt: Date; attempts: number; usedAt: Date | null };

export type CodeCheck = { ok: true } | { ok: false; reason: "none" | "expired" | "tries" | "used" };

/** Whether a stored code may still be tried (before comparing it). */
export function codeUsable(row: CodeRow | undefined, now: Date): CodeCheck {
  if (!row) return { ok: false, reason: "none" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  if (row.attempts >= CODE_MAX_TRIES) return { ok: false, reason: "tries" };
  return { ok: true };
}

export const CODE_MESSAGES = {
  none: "请先获取短信验证码",
  used: "验证码已使用，请重新获取",
  expired: `验证码已过期（有效期 ${CODE_TTL_MINUTES} 分钟），请重新获取`,
  tries: `验证码错误次数过多（最多 ${CODE_MAX_TRIES} 次），请重新获取`,
  wrong: (left: number) => `验证码错误，还可尝试 ${left} 次`,
} as const;

export type RateCounts = { phoneLastAt: Date | null; phoneLastHour: number; ipLastHour: number };

/** Why a new code may not be sent now, or null. */
export function rateLimitProblem(c: RateCounts, now: Date): string | null {
  if (c.phoneLastAt && now.getTime() - c.phoneLastAt.getTime() < PHONE_MIN_INTERVAL_SECONDS * 1000) {
    const wait = Math.ceil((PHONE_MIN_INTERVAL_SECONDS * 1000 - (now.getTime() - c.phoneLastAt.getTime())) / 1000);
    return `验证码发送过于频繁，请 ${wait} 秒后再试`;
  }
  if (c.phoneLastHour >= PHONE_MAX_PER_HOUR) return `该手机号一小时内最多获取 ${PHONE_MAX_PER_HOUR} 次验证码，请稍后再试`;
  if (c.ipLastHour >= IP_MAX_PER_HOUR) return "当前网络获取验证码过于频繁，请稍后再试";
  return null;
}

/** A uniformly random 6-digit code. */
export function newCode(random: (max: number) => number): string {
  return String(random(1_000_000)).padStart(6, "0");
}
