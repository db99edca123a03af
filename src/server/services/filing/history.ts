import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { locatedRecordScope, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { filings, instruments, organisations } from "@/server/db/schema";
import { notFound } from "@/server/errors";

const institutionOrg = alias(organisations, "institution");
const assignedOrg = alias(organisations, "assigned");

/** Filing status and history on the instrument, for anyone who may see the instrument (R-SCOPE-1…4). */
export async function filingHistory(db: Queryable, scope: Scope, instrumentId: number) {
  const [inst] = await db
    .select({
      id: instruments.id,
      name: instruments.name,
      serialNo: instruments.serialNo,
      filingStatus: instruments.filingStatus,
      flowStatus: instruments.flowStatus,
      instrumentCode: instruments.instrumentCode,
      filingApprovedOn: instruments.filingApprovedOn,
      institutionName: institutionOrg.name,
    })
    .from(instruments)
    .leftJoin(institutionOrg, eq(institutionOrg.id, instruments.institutionId))
    .where(and(eq(instruments.id, instrumentId), locatedRecordScope(scope, instruments)))
    .limit(1);
  if (!inst) throw notFound();
  const rows = await db
    .select({
      id: filings.id,
      state: filings.state,
      returnReason: filings.returnReason,
      returnText: filings.returnText,
      submittedAt: filings.submittedAt,
      decidedAt: filings.decidedAt,
      instrumentCode: filings.instrumentCode,
      history: filings.history,
      institutionName: institutionOrg.name,
      assignedName: assignedOrg.name,
    })
    .from(filings)
    .innerJoin(institutionOrg, eq(institutionOrg.id, filings.institutionId))
    .leftJoin(assignedOrg, eq(assignedOrg.id, filings.assignedInstitutionId))
    .where(eq(filings.instrumentId, inst.id))
    .orderBy(desc(filings.id));
  const orgIds = [...new Set(rows.flatMap((f) => f.history.flatMap((h) => [h.byOrgId, h.toOrgId ?? h.byOrgId])))];
  const orgs = orgIds.length ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds)) : [];
  const orgNames = Object.fromEntries(orgs.map((o) => [o.id, o.name]));
  return {
    instrument: inst,
    filings: rows.map((f) => ({ ...f, history: f.history.map((h) => ({ ...h, by: orgNames[h.byOrgId] ?? null, to: h.toOrgId ? (orgNames[h.toOrgId] ?? null) : null })) })),
  };
}
