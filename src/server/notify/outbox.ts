import "server-only";
import type { Queryable } from "@/server/db/open";
import { outbox } from "@/server/db/schema";
import type { OutboxChannel } from "./providers";

export type OutboxInput = { channel: OutboxChannel; recipient: string; template: string; data?: Record<string, unknown>; subject?: string; body: string };

/**
 * Writes a message to the outbox with `tx`, the transaction of the event that causes it (R-NTF-1): it commits
 * or rolls back with that event, and nothing is sent here — the delivery worker (src/server/jobs/outbox.ts)
 * sends it after the commit.
 */
export async function enqueue(tx: Queryable, message: OutboxInput) {
  const [id] = await enqueueMany(tx, [message]);
  if (id === undefined) throw new Error("outbox insert returned no row");
  return id;
}

const ENQUEUE_CHUNK = 5000;

/**
 * Several messages in one statement (an event's recipients × channels), same rule as `enqueue`; more than
 * ENQUEUE_CHUNK in several, as one statement's bind parameters are limited (65,535).
 */
export async function enqueueMany(tx: Queryable, messages: OutboxInput[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < messages.length; i += ENQUEUE_CHUNK) {
    const rows = await tx
      .insert(outbox)
      .values(
        messages
          .slice(i, i + ENQUEUE_CHUNK)
          .map((m) => ({ channel: m.channel, recipient: m.recipient, template: m.template, data: m.data ?? {}, subject: m.subject ?? null, body: m.body })),
      )
      .returning({ id: outbox.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
