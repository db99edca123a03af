import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { institutionCapabilities, organisations } from "@/server/db/schema";
import { routeFiling, type CandidateInstitution, type Location } from "@/server/domain/filing/routing";

type Method = "send_in" | "on_site";
export type Candidate = CandidateInstitution & { kindId: number; method: Method; rangeNote: string | null };

/** Approved institutions with an enabled capability for any of these kinds, in one query. */
export async function loadCandidates(q: Queryable, kindIds: number[]): Promise<Candidate[]> {
  if (kindIds.length === 0) return [];
  return q
    .select({
      id: organisations.id,
      name: organisations.name,
      level: organisations.level,
      institutionKind: organisations.institutionKind,
      regionCode: organisations.regionCode,
      regionCodes: institutionCapabilities.regionCodes,
      kindId: institutionCapabilities.kindId,
      method: institutionCapabilities.method,
      rangeNote: institutionCapabilities.rangeNote,
    })
    .from(institutionCapabilities)
    .innerJoin(organisations, eq(organisations.id, institutionCapabilities.institutionId))
    .where(
      and(
        inArray(institutionCapabilities.kindId, kindIds),
        eq(institutionCapabilities.enabled, true),
        eq(organisations.kind, "institution"),
        eq(organisations.status, "approved"),
      ),
    );
}

/** R-FIL-1 for one instrument: the eligible institutions (recommended one marked). */
export function routeFor(candidates: Candidate[], i: Location & { kindId: number; method: Method }) {
  return routeFiling(
    i,
    candidates.filter((c) => c.kindId === i.kindId && c.method === i.method),
  );
}
