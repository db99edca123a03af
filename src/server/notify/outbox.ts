import "server-only";
import type { Queryable } from "@/server/db/open";
import { outbox } from "@/server/db/schema";
import type { OutboxChannel } from "./providers";

/**
 * Writes a message to the outbox with `tx`, the transaction of the event that causes it (R-NTF-1): it commits
 * or rolls back with that event, and nothing is sent here — the delivery worker (src/server/jobs/outbox.ts)
 * sends it after the commit.
 */
export async function enqueue(
  tx: Queryable,
  message: { channel: OutboxChannel; recipient: string; template: string; data?: Record<string, unknown>; subject?: string; body: string },
) {
  const [row] = await tx
    .insert(outbox)
    .values({
      channel: message.channel,
      recipient: message.recipient,
      template: message.template,
      data: message.data ?? {},
      subject: message.subject ?? null,
      body: message.body,
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error("outbox insert returned no row");
  return row.id;
}
