import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { SessionUser } from "@/server/auth/session-user";
import type { Scope } from "@/server/authz/scope";
import type { DB, Queryable } from "@/server/db/open";
import { departments, instruments } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";
import { assertOwner } from "./memberships";

const taken = (err: unknown): never => {
  const text = String((err as { cause?: { message?: string } })?.cause?.message ?? (err as Error)?.message ?? "");
  if (text.includes("departments_org_name_uq")) throw new AppError("DEPARTMENT_TAKEN");
  throw err;
};

/** Departments of the caller's own enterprise (R-SCOPE-1), by name. */
export function listDepartments(db: Queryable, scope: Extract<Scope, { kind: "enterprise" }>) {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.orgId, scope.orgId))
    .orderBy(asc(departments.name));
}

/** Enterprise owners keep their departments (seed 003: name at most 8 characters, unique per enterprise). */
export async function createDepartment(db: DB, user: SessionUser, actor: Actor, name: string) {
  try {
    return await db.transaction(async (tx) => {
      const orgId = await assertOwner(tx, user);
      const [row] = await tx.insert(departments).values({ orgId, name }).returning();
      await writeAudit(tx, actor, { action: "department.create", entityType: "department", entityId: row!.id, after: { name } });
      return row!;
    });
  } catch (err) {
    taken(err);
  }
}

export async function renameDepartment(db: DB, user: SessionUser, actor: Actor, id: number, name: string) {
  try {
    return await db.transaction(async (tx) => {
      const orgId = await assertOwner(tx, user);
      const [before] = await tx.select().from(departments).where(and(eq(departments.id, id), eq(departments.orgId, orgId)));
      if (!before) throw notFound();
      await tx.update(departments).set({ name }).where(eq(departments.id, id));
      await writeAudit(tx, actor, { action: "department.rename", entityType: "department", entityId: id, before: { name: before.name }, after: { name } });
      return { id, name };
    });
  } catch (err) {
    taken(err);
  }
}

/** A department still named on instruments is unlinked from them first (the instruments stay). */
export async function removeDepartment(db: DB, user: SessionUser, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const orgId = await assertOwner(tx, user);
    const [before] = await tx.select().from(departments).where(and(eq(departments.id, id), eq(departments.orgId, orgId)));
    if (!before) throw notFound();
    await tx.update(instruments).set({ departmentId: null }).where(and(eq(instruments.enterpriseId, orgId), eq(instruments.departmentId, id)));
    await tx.delete(departments).where(eq(departments.id, id));
    await writeAudit(tx, actor, { action: "department.remove", entityType: "department", entityId: id, before: { name: before.name } });
  });
}
