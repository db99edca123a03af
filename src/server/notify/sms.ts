import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { outbox } from "@/server/db/schema";

/** A way to deliver a text message to a phone. Real gateways implement this; the default only records. */
export interface SmsProvider {
  readonly name: string;
  send(message: { phone: string; body: string }): Promise<void>;
}

/**
 * Default provider: SMS cannot be reached from development and test machines, so the message stays in the
 * outbox (readable by administrators at /admin/outbox) and goes to the server log (SPEC §4, §9).
 */
export const logSmsProvider: SmsProvider = {
  name: "log",
  async send({ phone, body }) {
    console.info(`[sms] to ${phone}: ${body}`);
  },
};

let provider: SmsProvider = logSmsProvider;
export function setSmsProvider(p: SmsProvider) {
  provider = p;
}

/**
 * Records the message in the outbox with `tx` (so it commits with the change that caused it), then hands it
 * to the provider. A provider failure leaves the row pending for the outbox job to retry.
 */
export async function sendSms(tx: Queryable, phone: string, body: string) {
  const [row] = await tx.insert(outbox).values({ channel: "sms", recipient: phone, body }).returning({ id: outbox.id });
  try {
    await provider.send({ phone, body });
    await tx.update(outbox).set({ status: "sent", sentAt: new Date(), attempts: 1 }).where(eq(outbox.id, row!.id));
  } catch (err) {
    console.error("[sms] provider failed:", err);
    await tx.update(outbox).set({ attempts: 1 }).where(eq(outbox.id, row!.id));
  }
  return row!.id;
}
