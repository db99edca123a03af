import "server-only";
import { eq } from "drizzle-orm";
import { RETURN_REASON_LABEL, type ReturnReason } from "@/lib/vocab";
import type { Tx } from "@/server/db/open";
import { organisations } from "@/server/db/schema";
import { notifyEvent } from "@/server/notify/events";

type Decided = { enterpriseId: number; instrumentName: string };

const orgName = async (tx: Tx, id: number) => (await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)))[0]?.name ?? "";

function byEnterprise(rows: Decided[]) {
  const map = new Map<number, string[]>();
  for (const r of rows) map.set(r.enterpriseId, [...(map.get(r.enterpriseId) ?? []), r.instrumentName]);
  return map;
}

/**
 * Issue 13 #3: the filing events, queued in the decision's transaction (R-NTF-1) — one message per enterprise
 * (or the target institution) per decision, however many filings were decided at once.
 */
export async function notifyFilingsApproved(tx: Tx, institutionId: number, rows: Decided[]) {
  const institutionName = await orgName(tx, institutionId);
  for (const [orgId, names] of byEnterprise(rows))
    await notifyEvent(tx, { kind: "filing_approved", orgId, data: { count: names.length, instrumentNames: names.slice(0, 3), institutionName } });
}

export async function notifyFilingsReturned(tx: Tx, institutionId: number, rows: Decided[], reason: ReturnReason, text: string | undefined) {
  const institutionName = await orgName(tx, institutionId);
  const why = text ? `${RETURN_REASON_LABEL[reason]}（${text}）` : RETURN_REASON_LABEL[reason];
  for (const [orgId, names] of byEnterprise(rows))
    await notifyEvent(tx, { kind: "filing_returned", orgId, data: { count: names.length, instrumentNames: names.slice(0, 3), institutionName, reason: why } });
}

export async function notifyFilingsAssigned(tx: Tx, fromInstitutionId: number, targetId: number, rows: Decided[]) {
  const fromInstitutionName = await orgName(tx, fromInstitutionId);
  await notifyEvent(tx, {
    kind: "filing_assigned",
    orgId: targetId,
    data: { count: rows.length, instrumentNames: rows.slice(0, 3).map((r) => r.instrumentName), fromInstitutionName },
  });
}
