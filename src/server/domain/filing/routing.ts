/**
 * Routing (R-FIL-1): which institutions may take an instrument's filing, and which one the platform
 * recommends. Pure: the caller loads approved institutions with an enabled capability for the kind and method.
 */
export type Level = "province" | "city" | "county";
export type Location = { provinceCode: string; cityCode: string; countyCode: string };
export type CandidateInstitution = {
  id: number;
  name: string;
  level: Level | null;
  institutionKind: "legal" | "authorised" | null;
  regionCode: string | null;
  /** The capability row's regions; empty = the institution's jurisdiction (legal institutions only). */
  regionCodes: string[];
};

export function covers(inst: CandidateInstitution, loc: Location): boolean {
  const codes = [loc.provinceCode, loc.cityCode, loc.countyCode];
  if (inst.regionCodes.length > 0) return inst.regionCodes.some((c) => codes.includes(c));
  // Default coverage is the jurisdiction, which only legal institutions have (R-SCOPE-2).
  return inst.institutionKind === "legal" && inst.regionCode !== null && codes.includes(inst.regionCode);
}

const LEVEL_RANK: Record<Level, number> = { county: 0, city: 1, province: 2 };
/** Display order: city level first (seed 000 二), then county, province, authorised institutions. */
const DISPLAY_RANK = (i: CandidateInstitution) =>
  i.institutionKind !== "legal" ? 9 : i.level === "city" ? 0 : i.level === "county" ? 1 : 2;

export type Routing<T extends CandidateInstitution> = { eligible: T[]; recommendedId: number | null };

export function routeFiling<T extends CandidateInstitution>(loc: Location, candidates: T[]): Routing<T> {
  const eligible = candidates.filter((c) => covers(c, loc));
  // Recommendation: the lowest-level legal institution with the capability (county, else city, else province).
  const legal = eligible.filter((c) => c.institutionKind === "legal" && c.level);
  legal.sort((a, b) => LEVEL_RANK[a.level!] - LEVEL_RANK[b.level!] || a.id - b.id);
  const recommendedId = legal[0]?.id ?? eligible[0]?.id ?? null;
  eligible.sort((a, b) => DISPLAY_RANK(a) - DISPLAY_RANK(b) || a.id - b.id);
  return { eligible, recommendedId };
}
