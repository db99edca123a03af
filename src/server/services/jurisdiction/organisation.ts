import "server-only";
import { and, eq } from "drizzle-orm";
import { organisationScope, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { organisations } from "@/server/db/schema";
import { AppError } from "@/server/errors";

/** One organisation the caller may see (R-SCOPE-1…4): anything else is NOT_FOUND (R-SCOPE-4). */
export async function organisationById(db: Queryable, scope: Scope, id: number) {
  const [org] = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      uscc: organisations.uscc,
      level: organisations.level,
      institutionKind: organisations.institutionKind,
      regionCode: organisations.regionCode,
      countyCode: organisations.countyCode,
      address: organisations.address,
      status: organisations.status,
    })
    .from(organisations)
    .where(and(eq(organisations.id, id), organisationScope(scope, organisations)))
    .limit(1);
  if (!org) throw new AppError("NOT_FOUND");
  return org;
}
