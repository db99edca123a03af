import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import type { OrgActor } from "@/server/authz/caller";
import type { DB } from "@/server/db/open";
import { certificates, results } from "@/server/db/schema";
import { assertRevocable } from "@/server/domain/certificates/access";
import { AppError, notFound } from "@/server/errors";
import { writeAudit } from "@/server/services/audit";
import { issueDocuments } from "./issue";

/**
 * Re-issue (R-RES-2, issue 10 item 7) = revoke and issue anew, in one transaction: the institution that issued
 * a live document revokes it with a reason (it keeps its number, now 已撤销) and the same result gets a new
 * document with a new number and token, re-reading the instrument and organisations (so corrected ledger data
 * is printed), pointing back through `replacesId`. Only the instrument's latest result may be re-issued, so an
 * old certificate never overwrites a newer one on the instrument.
 */
export async function reissueDocument(db: DB, actor: OrgActor, input: { id: number; reason: string }) {
  return db.transaction(async (tx) => {
    const [doc] = await tx
      .select()
      .from(certificates)
      .where(and(eq(certificates.id, input.id), eq(certificates.institutionId, actor.orgId)))
      .for("update");
    if (!doc) throw notFound();
    assertRevocable(doc.state);
    const [latest] = await tx.select({ id: results.id }).from(results).where(eq(results.instrumentId, doc.instrumentId)).orderBy(desc(results.verifiedOn), desc(results.id)).limit(1).for("update");
    if (latest?.id !== doc.resultId) throw new AppError("CERT_SUPERSEDED");
    await tx
      .update(certificates)
      .set({ state: "revoked", revokedAt: new Date(), revokedBy: actor.userId, revokeReason: input.reason })
      .where(eq(certificates.id, doc.id));
    await writeAudit(tx, actor, {
      action: "certificate.revoke",
      entityType: "certificate",
      entityId: doc.id,
      before: { state: "issued", number: doc.number },
      after: { state: "revoked", number: doc.number, reason: input.reason },
    });
    const [issued] = await issueDocuments(tx, actor, [doc.resultId], chinaToday(), new Map([[doc.resultId, doc.id]]));
    return { revokedId: doc.id, id: issued!.id, number: issued!.number };
  });
}
