import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { authorisationInput } from "@/lib/schemas/directory";
import type { SessionUser } from "@/server/auth/session-user";
import type { DB } from "@/server/db/open";
import { organisations } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assertOwner } from "@/server/services/accounts/memberships";
import { type Actor, writeAudit } from "@/server/services/audit";

/** The institution's authorisation facts the directory shows, as the owner (or an administrator) reads them. */
export async function readAuthorisation(db: DB, user: SessionUser, orgId?: number) {
  const id = user.role === "admin" ? orgId : user.org?.id;
  if (!id || (user.role !== "admin" && orgId && orgId !== id)) throw new AppError("NOT_FOUND");
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, authorisationCertNo: organisations.authorisationCertNo, authorisationValidUntil: organisations.authorisationValidUntil })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.kind, "institution")));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/**
 * 授权证书编号 and 有效期至 (issue 11 #5): the institution's owner changes its own, an administrator any
 * institution's (by orgId); another organisation is NOT_FOUND. One transaction with its audit row.
 */
export async function updateAuthorisation(db: DB, user: SessionUser, actor: Actor, input: z.infer<typeof authorisationInput>) {
  return db.transaction(async (tx) => {
    let id: number;
    if (user.role === "admin") {
      if (!input.orgId) throw new AppError("NOT_FOUND");
      id = input.orgId;
    } else {
      if (input.orgId && input.orgId !== user.org?.id) throw new AppError("NOT_FOUND");
      id = await assertOwner(tx, user);
    }
    const [before] = await tx
      .select({ no: organisations.authorisationCertNo, until: organisations.authorisationValidUntil })
      .from(organisations)
      .where(and(eq(organisations.id, id), eq(organisations.kind, "institution")))
      .for("update");
    if (!before) throw new AppError("NOT_FOUND");
    await tx
      .update(organisations)
      .set({ authorisationCertNo: input.authorisationCertNo, authorisationValidUntil: input.authorisationValidUntil, updatedAt: new Date() })
      .where(eq(organisations.id, id));
    await writeAudit(tx, actor, {
      action: "organisation.authorisation",
      entityType: "organisation",
      entityId: id,
      before: { authorisationCertNo: before.no, authorisationValidUntil: before.until },
      after: { authorisationCertNo: input.authorisationCertNo, authorisationValidUntil: input.authorisationValidUntil },
    });
    return { id };
  });
}
