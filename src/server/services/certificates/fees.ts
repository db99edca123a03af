import "server-only";
import { and, eq } from "drizzle-orm";
import type { OrgActor } from "@/server/authz/caller";
import type { DB, Tx } from "@/server/db/open";
import { appointments, organisations, results } from "@/server/db/schema";
import { assertFeeEditable, assertFeePayable, feeState } from "@/server/domain/certificates/access";
import { notFound } from "@/server/errors";
import { notifyEvent } from "@/server/notify/events";
import { writeAudit } from "@/server/services/audit";

async function lockResult(tx: Tx, actor: OrgActor, resultId: number) {
  const [r] = await tx
    .select({ id: results.id, feeCents: results.feeCents, feeNote: results.feeNote, feePaidAt: results.feePaidAt, appointmentId: results.appointmentId, enterpriseId: results.enterpriseId })
    .from(results)
    .where(and(eq(results.id, resultId), eq(results.institutionId, actor.orgId)))
    .for("update");
  if (!r) throw notFound();
  return r;
}

/**
 * R-RES-4: the institution records, changes or removes a repair or other fee on one of its results (in 分),
 * until the fee is paid. While a fee is unpaid the enterprise cannot download the document.
 */
export async function setFee(db: DB, actor: OrgActor, input: { resultId: number; amount: number | null; note?: string }) {
  return db.transaction(async (tx) => {
    const r = await lockResult(tx, actor, input.resultId);
    assertFeeEditable(feeState(r));
    const after = { feeCents: input.amount, feeNote: input.amount === null ? null : input.note || null };
    await tx.update(results).set({ ...after, updatedAt: new Date() }).where(eq(results.id, r.id));
    await writeAudit(tx, actor, { action: "result.fee_set", entityType: "result", entityId: r.id, before: { feeCents: r.feeCents, feeNote: r.feeNote }, after });
    if (input.amount != null && input.amount > 0) {
      const [a] = await tx
        .select({ number: appointments.number, institutionName: organisations.name })
        .from(appointments)
        .innerJoin(organisations, eq(organisations.id, appointments.institutionId))
        .where(eq(appointments.id, r.appointmentId));
      await notifyEvent(tx, {
        kind: "fee_due",
        orgId: r.enterpriseId,
        data: { appointmentId: r.appointmentId, appointmentNo: a!.number ?? "", institutionName: a!.institutionName, amount: (input.amount / 100).toFixed(2) },
      });
    }
    return { resultId: r.id, ...after };
  });
}

/** R-RES-4: the institution marks the fee paid; from then on the enterprise may download. */
export async function markFeePaid(db: DB, actor: OrgActor, input: { resultId: number }) {
  return db.transaction(async (tx) => {
    const r = await lockResult(tx, actor, input.resultId);
    assertFeePayable(feeState(r));
    const paidAt = new Date();
    await tx.update(results).set({ feePaidAt: paidAt, feePaidBy: actor.userId, updatedAt: paidAt }).where(eq(results.id, r.id));
    await writeAudit(tx, actor, { action: "result.fee_paid", entityType: "result", entityId: r.id, before: { feeCents: r.feeCents, feePaidAt: null }, after: { feeCents: r.feeCents, feePaidAt: paidAt.toISOString() } });
    return { resultId: r.id, feePaidAt: paidAt };
  });
}
