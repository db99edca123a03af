import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { OrgActor } from "@/server/authz/caller";
import type { Queryable } from "@/server/db/open";
import { departments } from "@/server/db/schema";
import { writeAudit } from "@/server/services/audit";
import type { LedgerScope } from "./list-filter";

/** The enterprise's departments, for the ledger form and filters. */
export function listDepartments(db: Queryable, scope: LedgerScope) {
  return db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.orgId, scope.orgId)).orderBy(asc(departments.name));
}

/**
 * Department ids by name for the actor's enterprise, creating the missing ones (a ledger save or import may
 * name a new department). Must run in the caller's transaction: each department it creates gets its
 * `department.create` audit row there, exactly as one created on the departments page.
 */
export async function departmentIds(tx: Queryable, actor: OrgActor, names: (string | undefined)[]) {
  const wanted = [...new Set(names.filter((n): n is string => !!n))];
  const map = new Map<string, number>();
  if (!wanted.length) return map;
  const created = await tx
    .insert(departments)
    .values(wanted.map((name) => ({ orgId: actor.orgId, name })))
    .onConflictDoNothing()
    .returning({ id: departments.id, name: departments.name });
  await writeAudit(
    tx,
    actor,
    created.map((d) => ({ action: "department.create", entityType: "department", entityId: d.id, after: { name: d.name } })),
  );
  const rows = await tx.select({ id: departments.id, name: departments.name }).from(departments).where(and(eq(departments.orgId, actor.orgId), inArray(departments.name, wanted)));
  for (const r of rows) map.set(r.name, r.id);
  return map;
}
