import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { rowsOf } from "@/server/db/rows";
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
 * Several messages at once (an event's recipients × channels, the daily sweep's tens of thousands), same rule
 * as `enqueue`; returns their ids in the order given. Each chunk of ENQUEUE_CHUNK is one statement with one
 * parameter, the messages as a JSON array: Drizzle's builder took ~0.35 ms per row to build a multi-row VALUES
 * insert (1,369 rows: 0.46 s), most of the sweep's message time at 10M (issue 14).
 */
export async function enqueueMany(tx: Queryable, messages: OutboxInput[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < messages.length; i += ENQUEUE_CHUNK) {
    const chunk = messages
      .slice(i, i + ENQUEUE_CHUNK)
      .map((m) => ({ channel: m.channel, recipient: m.recipient, template: m.template, data: m.data ?? {}, subject: m.subject ?? null, body: m.body }));
    const rows = rowsOf<{ id: string | number }>(
      await tx.execute(sql`
        insert into ${outbox} (channel, recipient, template, data, subject, body)
        select m.e->>'channel', m.e->>'recipient', m.e->>'template', m.e->'data', m.e->>'subject', m.e->>'body'
          from jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) with ordinality as m(e, n)
         order by m.n
        returning id`),
    );
    ids.push(...rows.map((r) => Number(r.id)));
  }
  return ids;
}
