import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { instruments } from "@/server/db/schema";
import { notFound } from "@/server/errors";

export type InstrumentRow = typeof instruments.$inferSelect;

/** One of the enterprise's own instruments (locked for update inside a transaction), or NOT_FOUND. */
export async function loadOwnInstrument(db: Queryable, orgId: number, id: number, lock = false): Promise<InstrumentRow> {
  const q = db.select().from(instruments).where(and(eq(instruments.id, id), eq(instruments.enterpriseId, orgId))).limit(1);
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound();
  return row;
}

/** The fields an audit row keeps of an instrument (no normalised keys). */
export function auditView(r: InstrumentRow) {
  const { manufacturerNorm: _m, serialNorm: _s, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}
