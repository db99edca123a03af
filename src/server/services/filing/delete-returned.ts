import "server-only";
import { and, eq } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { filings, instrumentAttachments, instruments } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";
import { deleteInstrumentRows } from "@/server/services/ledger/delete-rows";

/**
 * R-FIL-6: a returned instrument that was never filed may be deleted (the only way out for 不属于强检目录).
 * Its filing rows go with it; the audit row keeps the record.
 */
export function deleteReturnedInstrument(db: DB, actor: Actor & { orgId: number }, instrumentId: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(instruments)
      .where(and(eq(instruments.id, instrumentId), eq(instruments.enterpriseId, actor.orgId)))
      .for("update");
    if (!row) throw new AppError("NOT_FOUND");
    if (row.filingStatus !== "returned") throw new AppError("FILING_NOT_RETURNED");
    const history = await tx.select().from(filings).where(eq(filings.instrumentId, instrumentId));
    await tx.delete(filings).where(eq(filings.instrumentId, instrumentId));
    await tx.delete(instrumentAttachments).where(eq(instrumentAttachments.instrumentId, instrumentId));
    await deleteInstrumentRows(tx, [instrumentId]);
    await writeAudit(tx, actor, {
      action: "instrument.delete",
      entityType: "instrument",
      entityId: instrumentId,
      before: { instrument: row, filings: history },
    });
    return { deleted: 1 };
  });
}
