import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { instrumentAttachments, instruments } from "@/server/db/schema";
import { decide } from "@/server/domain/ledger/lifecycle";
import { AppError, notFound } from "@/server/errors";
import { deleteUploadRow, removeUploadBytes } from "@/server/files/store";
import { type Actor, writeAudit } from "@/server/services/audit";
import { deleteInstrumentRows } from "./delete-rows";
import { auditView } from "./load";

/**
 * Stop / enable / scrap one or many instruments (R-LED-2). All or nothing: one instrument that may not
 * make the transition refuses the whole request, naming it.
 */
export async function changeStatus(db: DB, actor: Actor & { orgId: number }, ids: number[], action: "stop" | "enable" | "scrap") {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(instruments).where(and(inArray(instruments.id, ids), eq(instruments.enterpriseId, actor.orgId))).for("update");
    if (rows.length !== new Set(ids).size) throw notFound();
    for (const r of rows) {
      const v = decide(r, action);
      if (!v.ok) throw new AppError(v.error, ids.length > 1 ? `${r.name}（出厂编号 ${r.serialNo}）：${v.message}` : v.message);
    }
    const to = (decide(rows[0]!, action) as { status: "new" | "in_use" | "stopped" | "scrapped" }).status;
    await tx.update(instruments).set({ status: to }).where(inArray(instruments.id, ids));
    await writeAudit(
      tx,
      actor,
      rows.map((r) => ({ action: `instrument.${action}`, entityType: "instrument", entityId: r.id, before: { status: r.status }, after: { status: to } })),
    );
    return { count: rows.length, status: to };
  });
}

/** Delete never-filed instruments (R-LED-2) with their attachments; bytes go after the commit. */
export async function deleteInstruments(db: DB, actor: Actor & { orgId: number }, ids: number[]) {
  const fileIds = await db.transaction(async (tx) => {
    const rows = await tx.select().from(instruments).where(and(inArray(instruments.id, ids), eq(instruments.enterpriseId, actor.orgId))).for("update");
    if (rows.length !== new Set(ids).size) throw notFound();
    for (const r of rows) {
      const v = decide(r, "delete");
      if (!v.ok) throw new AppError(v.error, ids.length > 1 ? `${r.name}（出厂编号 ${r.serialNo}）：${v.message}` : v.message);
    }
    const atts = await tx.select({ id: instrumentAttachments.id, fileId: instrumentAttachments.fileId }).from(instrumentAttachments).where(inArray(instrumentAttachments.instrumentId, ids));
    await tx.delete(instrumentAttachments).where(inArray(instrumentAttachments.instrumentId, ids));
    for (const a of atts) await deleteUploadRow(tx, a.fileId);
    await deleteInstrumentRows(tx, ids);
    await writeAudit(tx, actor, rows.map((r) => ({ action: "instrument.delete", entityType: "instrument", entityId: r.id, before: auditView(r) })));
    return atts.map((a) => a.fileId);
  });
  await Promise.all(fileIds.map((id) => removeUploadBytes(id)));
  return { count: ids.length };
}
