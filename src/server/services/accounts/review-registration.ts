import "server-only";
import { and, eq } from "drizzle-orm";
import type { SessionUser } from "@/server/auth/session-user";
import type { DB } from "@/server/db/open";
import { organisations } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { notifyEvent } from "@/server/notify/events";
import { type Actor, writeAudit } from "@/server/services/audit";
import { reviewScope } from "./review-scope";

/**
 * Approves or rejects a pending registration (R-ACC-3). The row is re-read inside the transaction with the
 * reviewer's queue in the WHERE clause (outside it: NOT_FOUND) and must still be pending; the applicant is
 * notified (SPEC §9 "registration reviewed"); the decision and its audit row commit together.
 */
export async function reviewRegistration(
  db: DB,
  reviewer: SessionUser,
  actor: Actor,
  decision: { id: number; approve: true } | { id: number; approve: false; reason: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.id, decision.id), reviewScope(reviewer)))
      .for("update")
      .limit(1);
    if (!org) throw notFound();
    if (org.status !== "pending") throw new AppError("REGISTRATION_NOT_PENDING");
    const next = decision.approve
      ? { status: "approved" as const, rejectReason: null }
      : { status: "rejected" as const, rejectReason: decision.reason };
    await tx
      .update(organisations)
      .set({ ...next, reviewedBy: reviewer.id, reviewedAt: now })
      .where(eq(organisations.id, org.id));
    await writeAudit(tx, actor, {
      action: decision.approve ? "registration.approve" : "registration.reject",
      entityType: "organisation",
      entityId: org.id,
      before: { status: org.status, rejectReason: org.rejectReason },
      after: next,
    });
    // SPEC §9 "registration reviewed": in-app, and SMS / e-mail to the applicant and the contact (issue 13 #3).
    await notifyEvent(tx, {
      kind: "registration_reviewed",
      orgId: org.id,
      data: decision.approve ? { orgName: org.name, approved: true } : { orgName: org.name, approved: false, reason: decision.reason },
    });
    return { id: org.id, ...next };
  });
}
