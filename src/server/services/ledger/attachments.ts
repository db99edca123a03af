import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { AttachmentSlot } from "@/lib/schemas/ledger";
import { locatedRecordScope, type Scope } from "@/server/authz/scope";
import type { DB, Queryable } from "@/server/db/open";
import { instrumentAttachments, instruments } from "@/server/db/schema";
import { decide } from "@/server/domain/ledger/lifecycle";
import { AppError, notFound } from "@/server/errors";
import { checkUpload, deleteUploadRow, removeUploadBytes, storeUpload, type UploadRules, withUploadCleanup } from "@/server/files/store";
import { type Actor, writeAudit } from "@/server/services/audit";
import { loadOwnInstrument } from "./load";

/** R-LED-3: jpg/jpeg, png, pdf, zip, rar by content; 10 MB in total per instrument. */
export const ATTACHMENT_TOTAL_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_RULES: UploadRules = { kinds: ["jpg", "png", "pdf", "zip", "rar"], maxBytes: ATTACHMENT_TOTAL_BYTES };
/** A type-evaluation report is a document to read: pdf, jpg or png only (R-SEC-2). */
export const TYPE_EVALUATION_RULES: UploadRules = { kinds: ["pdf", "jpg", "png"], maxBytes: ATTACHMENT_TOTAL_BYTES };
const SLOT_RULES: Record<AttachmentSlot, UploadRules> = { general: ATTACHMENT_RULES, type_evaluation: TYPE_EVALUATION_RULES };

async function usedBytes(db: Queryable, instrumentId: number) {
  const [r] = await db.select({ n: sql<number>`coalesce(sum(${instrumentAttachments.size}), 0)::bigint` }).from(instrumentAttachments).where(eq(instrumentAttachments.instrumentId, instrumentId));
  return Number(r?.n ?? 0);
}

/**
 * Attaches one file to an own instrument. Checked before anything is stored: the slot's kinds by content, the
 * content itself (R-SEC-2), the 10 MB total; attachments follow the modify rule (not while in a flow, R-LED-2).
 * A failed transaction removes the bytes it wrote.
 */
export async function addAttachment(db: DB, actor: Actor & { orgId: number }, instrumentId: number, slot: AttachmentSlot, file: { name: string; bytes: Uint8Array }) {
  const rules = SLOT_RULES[slot];
  const checked = await checkUpload(file, rules);
  return withUploadCleanup((written) => db.transaction(async (tx) => {
    const inst = await loadOwnInstrument(tx, actor.orgId, instrumentId, true);
    const v = decide(inst, "modify");
    if (!v.ok) throw new AppError(v.error, v.message);
    const used = await usedBytes(tx, instrumentId);
    if (used + file.bytes.byteLength > ATTACHMENT_TOTAL_BYTES)
      throw new AppError(
        "LEDGER_ATTACHMENTS_FULL",
        `每台器具的附件合计不超过 10 MB：已有 ${(used / 1048576).toFixed(1)} MB，本文件 ${(file.bytes.byteLength / 1048576).toFixed(1)} MB`,
      );
    const stored = await storeUpload(tx, checked, rules, { userId: actor.userId, orgId: actor.orgId }, written);
    const [att] = await tx.insert(instrumentAttachments).values({ instrumentId, fileId: stored.id, slot, size: stored.size }).returning();
    await writeAudit(tx, actor, { action: "instrument.attach", entityType: "instrument", entityId: instrumentId, after: { attachmentId: att!.id, slot, name: stored.originalName, size: stored.size } });
    return { id: att!.id, name: stored.originalName, size: stored.size, slot };
  }));
}

export async function deleteAttachment(db: DB, actor: Actor & { orgId: number }, instrumentId: number, attachmentId: number) {
  const fileId = await db.transaction(async (tx) => {
    const inst = await loadOwnInstrument(tx, actor.orgId, instrumentId, true);
    const v = decide(inst, "modify");
    if (!v.ok) throw new AppError(v.error, v.message);
    const [att] = await tx.select().from(instrumentAttachments).where(and(eq(instrumentAttachments.id, attachmentId), eq(instrumentAttachments.instrumentId, instrumentId)));
    if (!att) throw notFound();
    await tx.delete(instrumentAttachments).where(eq(instrumentAttachments.id, attachmentId));
    await deleteUploadRow(tx, att.fileId);
    await writeAudit(tx, actor, { action: "instrument.detach", entityType: "instrument", entityId: instrumentId, before: { attachmentId, slot: att.slot } });
    return att.fileId;
  });
  await removeUploadBytes(fileId);
}

/**
 * The stored file of an attachment whose instrument is in the caller's scope (the owner; institutions and
 * regulators as for the instrument itself, e.g. a filing's type-evaluation report), or NOT_FOUND.
 */
export async function attachmentFileInScope(db: Queryable, scope: Scope, attachmentId: number) {
  const [r] = await db
    .select({ fileId: instrumentAttachments.fileId })
    .from(instrumentAttachments)
    .innerJoin(instruments, eq(instruments.id, instrumentAttachments.instrumentId))
    .where(and(eq(instrumentAttachments.id, attachmentId), locatedRecordScope(scope, instruments)));
  if (!r) throw notFound();
  return r.fileId;
}
