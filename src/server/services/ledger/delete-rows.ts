import "server-only";
import { inArray } from "drizzle-orm";
import type { Tx } from "@/server/db/open";
import { expiryWarnings, instruments } from "@/server/db/schema";

/**
 * Deletes instrument rows with their expiry warnings, in the caller's transaction — the one way an instrument
 * row goes. expiry_warnings has no foreign key to instruments (migration 0023: its check cost the daily sweep a
 * third of its time at 10M), so its rows are deleted here; without this they would be left pointing at nothing.
 * The caller has locked and checked the rows, deleted their other dependants and writes the audit.
 */
export async function deleteInstrumentRows(tx: Tx, ids: number[]) {
  if (ids.length === 0) return;
  await tx.delete(expiryWarnings).where(inArray(expiryWarnings.instrumentId, ids));
  await tx.delete(instruments).where(inArray(instruments.id, ids));
}
