import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { inRegion, type RegionFilter, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { rowsOf } from "@/server/db/rows";
import { statInstitutionCells, statInstitutionRegionCells, statRegionCells } from "@/server/db/schema";
import { allOf, cityCells, FIGURES, figureSums, onceEach, zeroFigures, type DatedColumns, type Figure, type FigureCounts } from "./cells";

/** One sum over one cell table, added or taken away. */
type Part = { sign: 1 | -1; c: DatedColumns; where: SQL };

/**
 * The figures of the instruments in a caller's scope (R-SCOPE-2/3), inside `region` when one is given, summed from
 * the statistics layer (R-STAT-1) as parts that each read a few thousand cells by their leading key:
 * - a region R: the place cells (`stat_city_cells` where no county is named, else `stat_region_cells`);
 * - what is with an institution M: `stat_institution_cells`, or `stat_institution_region_cells` inside a region;
 * - a legal institution's R ∪ M, counted once: R + M − (M ∩ R).
 * An OR of the two over the cells with both (`stat_instrument_cells`) read every cell of M — an institution that
 * holds instruments all over the province had 250,000 of them at 10M instruments (87 ms).
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
  const [row] = rowsOf<FigureCounts>(await db.execute(sql`select ${sql.join(total, sql`, `)} from (${sql.join(selects, sql` union all `)}) as parts`));
  return row!;
}

/** The signed parts of the scope ∩ region (exported for the layer test of every part's table). */
export function scopeParts(scope: Scope, region: RegionFilter | null): Part[] {
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
        { ...withInstitution(scope.orgId, within(scope.region, region)), sign: -1 },
      ];
    default:
      return [];
  }
}

/** Instruments located in every one of `regions` (all of them when none): city cells unless a county is named. */
function placePart(regions: RegionFilter[]): Part {
  const c = regions.some((r) => r.level === "county") ? statRegionCells : cityCells;
  return { sign: 1, c, where: allOf(...regions.map((r) => inRegion(c, r))) };
}

/** Instruments with the institution, located in every one of `regions`. */
function withInstitution(institutionId: number, regions: RegionFilter[]): Part {
  const c = regions.length ? statInstitutionRegionCells : statInstitutionCells;
  return { sign: 1, c, where: allOf(eq(c.institutionId, institutionId), ...regions.map((r) => inRegion(statInstitutionRegionCells, r))) };
}
