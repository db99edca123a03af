import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { inRegion, type RegionFilter, type Scope } from "@/server/authz/scope";
import type { DB, Queryable } from "@/server/db/open";
import { executePrepared } from "@/server/db/prepared";
import { statInstitutionCells, statInstitutionRegionCells, statRegionCells } from "@/server/db/schema";
import { allOf, cityCells, FIGURES, figureSums, onceEach, zeroFigures, type DatedColumns, type Figure, type FigureCounts } from "./cells";

/** One sum over one cell table, added or taken away; `shape` names its statement text (table, region levels, sign). */
type Part = { sign: 1 | -1; c: DatedColumns; where: SQL; shape: string };

/**
 * The figures of the instruments in a caller's scope (R-SCOPE-2/3), inside `region` when one is given, summed from
 * the statistics layer (R-STAT-1) as parts that each read a few thousand cells by their leading key:
 * - a region R: the place cells (`stat_city_cells` where no county is named, else `stat_region_cells`);
 * - what is with an institution M: `stat_institution_cells`, or `stat_institution_region_cells` inside a region;
 * - a legal institution's R ∪ M, counted once: R + M − (M ∩ R).
 * An OR of the two over the cells with both (`stat_instrument_cells`) read every cell of R and of M: at 10M
 * instruments 55,000 for Guangzhou and 129,000 for its city institution, which holds instruments all over the
 * province (87 ms); the parts read 963 city cells, its 949 and its 5,196 inside Guangzhou (3.4 ms in all).
 */
export async function scopeFigures(db: Queryable, scope: Scope, region: RegionFilter | null, today: string): Promise<FigureCounts> {
  const parts = scopeParts(scope, region);
  if (!parts.length) return zeroFigures();
  // One statement (one round trip, one snapshot): the parts' signed sums, added up.
  const col = (f: Figure) => sql.identifier(f);
  const selects = parts.map((p) => {
    const sums = figureSums(p.c, today);
    const signed = FIGURES.map((f) => sql`${p.sign < 0 ? sql`-` : sql``}${sums[f]} as ${col(f)}`);
    return sql`(select ${sql.join(signed, sql`, `)} from ${p.c.n.table} where ${allOf(p.where, onceEach(p.c, today))})`;
  });
  const total = FIGURES.map((f) => sql`sum(${col(f)})::int as ${col(f)}`);
  const query = sql`select ${sql.join(total, sql`, `)} from (${sql.join(selects, sql` union all `)}) as parts`;
  // Prepared (postgres.js keeps it per connection by its text; the name, its shape, says which text it is).
  const [row] = await executePrepared<FigureCounts>(db as DB, `scope_figures_${parts.map((p) => p.shape).join("")}`, query);
  return row!;
}

/** The signed parts of the scope ∩ region. */
function scopeParts(scope: Scope, region: RegionFilter | null): Part[] {
  const within = (...rs: (RegionFilter | null)[]) => rs.filter((r): r is RegionFilter => r !== null);
  switch (scope.kind) {
    case "admin":
      return [placePart(within(region))];
    case "regulator":
      return [placePart(within(scope.region, region))];
    case "authorisedInstitution":
      return [withInstitution(scope.orgId, within(region))];
    case "legalInstitution":
      return [
        placePart(within(scope.region, region)),
        withInstitution(scope.orgId, within(region)),
        negated(withInstitution(scope.orgId, within(scope.region, region))),
      ];
    default:
      return [];
  }
}

const LEVEL = { province: "p", city: "c", county: "k" } as const;
const levels = (regions: RegionFilter[]) => regions.map((r) => LEVEL[r.level]).join("");

/** Instruments located in every one of `regions` (all of them when none): city cells unless a county is named. */
function placePart(regions: RegionFilter[]): Part {
  const county = regions.some((r) => r.level === "county");
  const c = county ? statRegionCells : cityCells;
  return { sign: 1, c, where: allOf(...regions.map((r) => inRegion(c, r))), shape: `+${county ? "R" : "C"}${levels(regions)}` };
}

/** Instruments with the institution, located in every one of `regions`. */
function withInstitution(institutionId: number, regions: RegionFilter[]): Part {
  const c = regions.length ? statInstitutionRegionCells : statInstitutionCells;
  const where = allOf(eq(c.institutionId, institutionId), ...regions.map((r) => inRegion(statInstitutionRegionCells, r)));
  return { sign: 1, c, where, shape: `+${regions.length ? "G" : "I"}${levels(regions)}` };
}

const negated = (p: Part): Part => ({ ...p, sign: -1, shape: `-${p.shape.slice(1)}` });
