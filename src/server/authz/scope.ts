import "server-only";
import { and, eq, not, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { instruments } from "@/server/db/schema";
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

/**
 * The same set as `locatedRecordScope`, as disjoint parts whose counts add up: a legal institution's
 * jurisdiction, and what is with it outside that jurisdiction. Counting each part on its own lets each use
 * its index (an OR of the two makes PostgreSQL scan the table).
 */
export function locatedRecordScopeParts(
  scope: Scope,
  t: LocatedTable & { enterpriseId: AnyPgColumn; institutionId?: AnyPgColumn },
): SQL[] {
  if (scope.kind === "legalInstitution" && t.institutionId) {
    const region = inRegion(t, scope.region);
    return [region, and(eq(t.institutionId, scope.orgId), not(region)) as SQL];
  }
  return [locatedRecordScope(scope, t)];
}

/** The inner table of `filedWith`, aliased so that its columns can never be mistaken for the outer query's. */
const HELD = "filed_with";
const held = alias(instruments, HELD);

/**
 * "Filed with" (R-SCOPE-2) — the one definition, used by 申报企业, the home figures and organisation.byId:
 * an enterprise has filed with an institution while one of its instruments is with that institution
 * (`instruments.institution_id`: set on submission, moved to the county institution on assignment, kept on
 * approval, cleared on return). It is the link the instrument scope above uses, so an enterprise an
 * institution lists always has an instrument that institution can open, and can itself be opened.
 * Index: instruments (institution_id, enterprise_id, …).
 */
export function filedWith(enterpriseId: AnyPgColumn, institutionId: number): SQL {
  // The outer column is nested in its own SQL chunk so Drizzle always qualifies it with its table.
  return sql`exists (select 1 from ${instruments} as ${sql.identifier(HELD)} where ${held.institutionId} = ${institutionId} and ${held.enterpriseId} = ${sql`${enterpriseId}`})`;
}

/** WHERE clause for organisations of a kind that a caller may see (enterprises for institutions…). */
export function organisationScope(scope: Scope, t: LocatedTable & { id: AnyPgColumn }): SQL {
  switch (scope.kind) {
    case "enterprise":
      return eq(t.id, scope.orgId);
    case "legalInstitution":
      return or(inRegion(t, scope.region), filedWith(t.id, scope.orgId)) as SQL;
    case "authorisedInstitution":
      return filedWith(t.id, scope.orgId);
    case "regulator":
      return inRegion(t, scope.region);
    case "admin":
      return sql`true`;
    case "none":
      return NOTHING;
  }
}
