import { and, desc, eq } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { auditLog, outbox } from "@/server/db/schema";

/** The 6-digit code of the newest SMS to a phone, read from the outbox like development does. */
export async function lastCode(db: DB, phone: string) {
  const [m] = await db.select().from(outbox).where(eq(outbox.recipient, phone)).orderBy(desc(outbox.id)).limit(1);
  const code = m?.body.match(/验证码 (\d{6})/)?.[1];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

export async function auditCount(db: DB, action: string, entityId?: string | number) {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId === undefined ? undefined : eq(auditLog.entityId, String(entityId))));
  return rows.length;
}

export const PNG = new Uint8Array(
  Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex"),
);
export const PDF = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
export const EXE = new Uint8Array(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]));
