import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DirectoryFilter } from "@/lib/schemas/directory";
import type { InstitutionKind, Method, RegionLevel } from "@/lib/vocab";
import type { DB } from "@/server/db/open";
import { catalogueKinds, institutionCapabilities, organisations, regions } from "@/server/db/schema";
import { inRegion, regionFilterOf } from "@/server/authz/scope";
import { maskPhone } from "@/server/domain/public/mask";

export const DIRECTORY_PAGE = 20;

/** What the directory shows of an institution (seed 004 §5): public organisation facts, never its people. */
export type DirectoryEntry = {
  id: number;
  name: string;
  level: RegionLevel | null;
  kind: InstitutionKind | null;
  regionName: string | null;
  authorisationCertNo: string | null;
  authorisationValidUntil: string | null;
  address: string | null;
  contactPhone: string | null;
};

const region = alias(regions, "r");
const columns = {
  id: organisations.id,
  name: organisations.name,
  level: organisations.level,
  kind: organisations.institutionKind,
  regionName: region.name,
  authorisationCertNo: organisations.authorisationCertNo,
  authorisationValidUntil: organisations.authorisationValidUntil,
  address: organisations.address,
  contactPhone: organisations.contactPhone,
};
const approvedInstitution = and(eq(organisations.kind, "institution"), eq(organisations.status, "approved"));
const masked = <T extends { contactPhone: string | null }>(r: T): T => ({ ...r, contactPhone: maskPhone(r.contactPhone) });

/** The directory page: approved institutions in a region subtree and of a kind, by id (keyset). */
export async function listDirectory(db: DB, f: DirectoryFilter) {
  const rows = await db
    .select(columns)
    .from(organisations)
    .leftJoin(region, eq(region.code, organisations.regionCode))
    .where(and(approvedInstitution, f.region ? inRegion(organisations, regionFilterOf(f.region)) : undefined, f.kind ? eq(organisations.institutionKind, f.kind) : undefined, f.cursor ? gt(organisations.id, f.cursor) : undefined))
    .orderBy(asc(organisations.id))
    .limit(DIRECTORY_PAGE + 1);
  const items = rows.slice(0, DIRECTORY_PAGE).map(masked);
  return { items: items as DirectoryEntry[], nextCursor: rows.length > DIRECTORY_PAGE ? items[items.length - 1]!.id : null };
}

/** The regions that have an approved institution (province and city), for the directory's region filter. */
export async function directoryRegions(db: DB) {
  const codes = await db
    .selectDistinct({ p: organisations.provinceCode, c: organisations.cityCode })
    .from(organisations)
    .where(approvedInstitution);
  const wanted = [...new Set(codes.flatMap((r) => [r.p, r.c]).filter((c): c is string => !!c))];
  if (!wanted.length) return [];
  return db.select({ code: regions.code, name: regions.name, level: regions.level }).from(regions).where(inArray(regions.code, wanted)).orderBy(asc(regions.code));
}

/** One institution's public details, with the kinds it verifies and how; null if not an approved institution. */
export async function directoryEntry(db: DB, id: number) {
  const [row] = await db.select(columns).from(organisations).leftJoin(region, eq(region.code, organisations.regionCode)).where(and(approvedInstitution, eq(organisations.id, id)));
  if (!row) return null;
  const caps = await db
    .select({ kind: catalogueKinds.name, method: institutionCapabilities.method })
    .from(institutionCapabilities)
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, institutionCapabilities.kindId))
    .where(and(eq(institutionCapabilities.institutionId, id), sql`${institutionCapabilities.enabled}`))
    .orderBy(asc(catalogueKinds.name));
  const byKind = new Map<string, Method[]>();
  for (const c of caps) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.method as Method]);
  return { ...masked(row as DirectoryEntry), capabilities: [...byKind].map(([kind, methods]) => ({ kind, methods })) };
}
