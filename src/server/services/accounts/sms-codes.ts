import "server-only";
import { createHash, randomInt } from "node:crypto";
import { and, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { smsCodes } from "@/server/db/schema";
import { CODE_MAX_TRIES, CODE_MESSAGES, CODE_TTL_MINUTES, codeUsable, newCode, rateLimitProblem } from "@/server/domain/accounts/sms-code";
import { AppError } from "@/server/errors";
import { enqueue } from "@/server/notify/outbox";

export type CodePurpose = "register" | "reset_password";

const hashCode = (phone: string, code: string) => createHash("sha256").update(`${phone}:${code}`).digest("hex");

const PURPOSE_TEXT: Record<CodePurpose, string> = { register: "注册账户", reset_password: "找回密码" };

/**
 * Issues a code after the rate limits (counted from the sms_codes rows, so they hold across processes and
 * restarts), records it hashed and queues the SMS in the same transaction (R-NTF-1: the outbox worker sends it
 * after the commit). With `deliver: false` the row is recorded (it counts for the limits) but nothing is queued. Returns nothing the caller could leak.
 */
export async function issueSmsCode(
  db: Queryable,
  input: { phone: string; purpose: CodePurpose; userId?: number | null; ip: string | null; deliver?: boolean },
  now = new Date(),
) {
  const hourAgo = new Date(now.getTime() - 3600_000);
  const [byPhone] = await db
    .select({
      n: count(),
      // The one-a-minute wait is per purpose: registering and then recovering a password at once is fine.
      last: sql<Date | string | null>`max(${smsCodes.createdAt}) filter (where ${smsCodes.purpose} = ${input.purpose})`,
    })
    .from(smsCodes)
    .where(and(eq(smsCodes.phone, input.phone), gt(smsCodes.createdAt, hourAgo)));
  // Per client address (R-SEC-1: the connection's, never a header the client chose). Requests whose address is
  // unknown (no production server in front) share one bucket: no address must not mean no limit.
  const [byIp] = await db
    .select({ n: count() })
    .from(smsCodes)
    .where(and(input.ip ? eq(smsCodes.ip, input.ip) : isNull(smsCodes.ip), gt(smsCodes.createdAt, hourAgo)));
  const problem = rateLimitProblem(
    { phoneLastAt: byPhone?.last ? new Date(byPhone.last) : null, phoneLastHour: byPhone?.n ?? 0, ipLastHour: byIp?.n ?? 0 },
    now,
  );
  if (problem) throw new AppError("RATE_LIMITED", problem);
  const code = newCode(randomInt);
  await db.transaction(async (tx) => {
    await tx.insert(smsCodes).values({
      phone: input.phone,
      purpose: input.purpose,
      codeHash: hashCode(input.phone, code),
      userId: input.userId ?? null,
      ip: input.ip,
      expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
      createdAt: now,
    });
    if (input.deliver === false) return;
    await enqueue(tx, {
      channel: "sms",
      recipient: input.phone,
      // The code itself is only in the body (the text the phone gets), not in `data`.
      template: "sms_code",
      data: { purpose: input.purpose },
      body: `【强检通】您正在${PURPOSE_TEXT[input.purpose]}，验证码 ${code}，${CODE_TTL_MINUTES} 分钟内有效。如非本人操作，请忽略本短信。`,
    });
  });
}

/**
 * Checks a code against the newest one sent to the phone for the purpose. A wrong code counts a try
 * (committed at once, so a failed request still uses up a try); the 5th wrong try voids the code. Returns the
 * code's id, to be consumed with `consumeSmsCode` inside the transaction that makes the change.
 */
export async function checkSmsCode(db: Queryable, input: { phone: string; purpose: CodePurpose; code: string }, now = new Date()) {
  const [row] = await db
    .select()
    .from(smsCodes)
    .where(and(eq(smsCodes.phone, input.phone), eq(smsCodes.purpose, input.purpose)))
    .orderBy(desc(smsCodes.id))
    .limit(1);
  const usable = codeUsable(row, now);
  if (!usable.ok) throw new AppError("SMS_CODE_INVALID", CODE_MESSAGES[usable.reason]);
  if (row!.codeHash !== hashCode(input.phone, input.code)) {
    const [after] = await db
      .update(smsCodes)
      .set({ attempts: sql`${smsCodes.attempts} + 1` })
      .where(eq(smsCodes.id, row!.id))
      .returning({ attempts: smsCodes.attempts });
    const left = CODE_MAX_TRIES - (after?.attempts ?? CODE_MAX_TRIES);
    throw new AppError("SMS_CODE_INVALID", left > 0 ? CODE_MESSAGES.wrong(left) : CODE_MESSAGES.tries);
  }
  return row!.id;
}

/** Marks a checked code used, in the change's transaction; a code is good for one change only. */
export async function consumeSmsCode(tx: Queryable, id: number, now = new Date()) {
  const done = await tx
    .update(smsCodes)
    .set({ usedAt: now })
    .where(and(eq(smsCodes.id, id), isNull(smsCodes.usedAt)))
    .returning({ id: smsCodes.id });
  if (done.length === 0) throw new AppError("SMS_CODE_INVALID", CODE_MESSAGES.used);
}
