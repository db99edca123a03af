import "server-only";
import { eq, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { SessionUser } from "@/server/auth/session-user";

/**
 * What a caller may see (R-SCOPE-1…4), decided once from the session user and applied in the WHERE clause
 * of every query; a record outside it is simply not found.
 */
export type Scope =
  | { kind: "enterprise"; orgId: number }
  | { kind: "legalInstitution"; orgId: number; region: RegionFilter }
  | { kind: "authorisedInstitution"; orgId: number }
  | { kind: "regulator"; orgId: number; region: RegionFilter }
  | { kind: "admin" }
  | { kind: "none" };

/** A region subtree as an equality on one of the three location columns. */
export type RegionFilter = { level: "province" | "city" | "county"; code: string };

export function regionFilterOf(code: string): RegionFilter {
  return { level: code.length === 2 ? "province" : code.length === 4 ? "city" : "county", code };
}

export function scopeOf(ctx: { user: SessionUser | null }): Scope {
  const u = ctx.user;
  if (!u) return { kind: "none" };
  if (u.role === "admin") return { kind: "admin" };
  const org = u.org;
  if (!org || org.status !== "approved") return { kind: "none" };
  if (u.role === "enterprise" && org.kind === "enterprise") return { kind: "enterprise", orgId: org.id };
  if (u.role === "institution" && org.kind === "institution" && org.regionCode) {
    return org.institutionKind === "legal"
      ? { kind: "legalInstitution", orgId: org.id, region: regionFilterOf(org.regionCode) }
      : { kind: "authorisedInstitution", orgId: org.id };
  }
  if (u.role === "regulator" && org.kind === "regulator" && org.regionCode) {
    return { kind: "regulator", orgId: org.id, region: regionFilterOf(org.regionCode) };
  }
  return { kind: "none" };
}

type LocatedTable = { provinceCode: AnyPgColumn; cityCode: AnyPgColumn; countyCode: AnyPgColumn };

export function inRegion(t: LocatedTable, r: RegionFilter): SQL {
  const col = r.level === "province" ? t.provinceCode : r.level === "city" ? t.cityCode : t.countyCode;
  return eq(col, r.code);
}

const NOTHING = sql`false`;

/**
 * WHERE clause for located records owned by an enterprise (instruments, appointments…): the owner sees its
 * own; a legal institution its jurisdiction plus what is filed with or assigned to it; an authorised
 * institution only what is filed with it; a regulator its region subtree; an admin everything.
 */
export function locatedRecordScope(
  scope: Scope,
  t: LocatedTable & { enterpriseId: AnyPgColumn; institutionId?: AnyPgColumn },
): SQL {
  switch (scope.kind) {
    case "enterprise":
      return eq(t.enterpriseId, scope.orgId);
    case "legalInstitution":
      return t.institutionId
        ? (or(inRegion(t, scope.region), eq(t.institutionId, scope.orgId)) as SQL)
        : inRegion(t, scope.region);
    case "authorisedInstitution":
      return t.institutionId ? eq(t.institutionId, scope.orgId) : NOTHING;
    case "regulator":
      return inRegion(t, scope.region);
    case "admin":
      return sql`true`;
    case "none":
      return NOTHING;
  }
}

/** WHERE clause for organisations of a kind that a caller may see in lists (enterprises for institutions…). */
export function organisationScope(
  scope: Scope,
  t: LocatedTable & { id: AnyPgColumn },
  filedWith?: (institutionId: number) => SQL,
): SQL {
  switch (scope.kind) {
    case "enterprise":
      return eq(t.id, scope.orgId);
    case "legalInstitution":
      return filedWith ? (or(inRegion(t, scope.region), filedWith(scope.orgId)) as SQL) : inRegion(t, scope.region);
    case "authorisedInstitution":
      return filedWith ? filedWith(scope.orgId) : NOTHING;
    case "regulator":
      return inRegion(t, scope.region);
    case "admin":
      return sql`true`;
    case "none":
      return NOTHING;
  }
}

