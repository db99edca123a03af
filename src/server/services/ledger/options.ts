import "server-only";
import type { EnterpriseCaller } from "@/server/authz/caller";
import type { Queryable } from "@/server/db/open";
import { listDepartments } from "./departments";
import { currentKinds } from "./lookups";

/** What the ledger form and filters pick from: the current catalogue's kinds and the enterprise's departments. */
export async function ledgerOptions(db: Queryable, caller: Pick<EnterpriseCaller, "org" | "scope">) {
  return {
    /** The enterprise's own county: the form's default location. */
    countyCode: caller.org.countyCode ?? null,
    kinds: await currentKinds(db),
    departments: await listDepartments(db, caller.scope),
  };
}
