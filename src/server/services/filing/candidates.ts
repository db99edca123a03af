import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/server/db/open";
import { catalogueItems, catalogueKinds, institutionCapabilities, organisations } from "@/server/db/schema";
import { routeFiling, type CandidateInstitution, type Location } from "@/server/domain/filing/routing";

type Method = "send_in" | "on_site";
export type Candidate = CandidateInstitution & { kindId: number; method: Method; rangeNote: string | null };

const capKind = alias(catalogueKinds, "cap_kind");
const capItem = alias(catalogueItems, "cap_item");
const wantedKind = alias(catalogueKinds, "wanted_kind");
const wantedItem = alias(catalogueItems, "wanted_item");

/**
 * Approved institutions with an enabled capability for any of these kinds, in one query. A capability
 * names a kind row of one catalogue version; it matches the same 项别 + 种别 in every version (R-CAT-3:
 * after a new catalogue is imported, old and new instruments of that kind still find their institutions).
 * Each candidate carries the requested kind id it matched.
 */
export async function loadCandidates(q: Queryable, kindIds: number[]): Promise<Candidate[]> {
  if (kindIds.length === 0) return [];
  const rows = await q
    .select({
      id: organisations.id,
      name: organisations.name,
      level: organisations.level,
      institutionKind: organisations.institutionKind,
      regionCode: organisations.regionCode,
      regionCodes: institutionCapabilities.regionCodes,
      kindId: wantedKind.id,
      method: institutionCapabilities.method,
      rangeNote: institutionCapabilities.rangeNote,
    })
    .from(institutionCapabilities)
    .innerJoin(organisations, eq(organisations.id, institutionCapabilities.institutionId))
    .innerJoin(capKind, eq(capKind.id, institutionCapabilities.kindId))
    .innerJoin(capItem, eq(capItem.id, capKind.itemId))
    .innerJoin(wantedKind, eq(wantedKind.name, capKind.name))
    .innerJoin(wantedItem, and(eq(wantedItem.id, wantedKind.itemId), eq(wantedItem.name, capItem.name)))
    .where(
      and(
        inArray(wantedKind.id, kindIds),
        eq(institutionCapabilities.enabled, true),
        eq(organisations.kind, "institution"),
        eq(organisations.status, "approved"),
      ),
    );
  // One row per institution, kind and method, even when it kept capability rows from several versions.
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.id}|${r.kindId}|${r.method}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** R-FIL-1 for one instrument: the eligible institutions (recommended one marked). */
export function routeFor(candidates: Candidate[], i: Location & { kindId: number; method: Method }) {
  return routeFiling(
    i,
    candidates.filter((c) => c.kindId === i.kindId && c.method === i.method),
  );
}
