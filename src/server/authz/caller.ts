import "server-only";
import type { SessionOrg, SessionUser } from "@/server/auth/session-user";
import { AppError } from "@/server/errors";
import { regionFilterOf, scopeOf, type Scope } from "./scope";

/**
 * Who acts, as the audit log records it. Declared here (below the services) so that guards, services and
 * the audit writer share one type.
 */
export type Actor = { userId: number | null; orgId: number | null; ip?: string | null };
/** An actor acting for an approved organisation: the organisation is known, so services need no `!`. */
export type OrgActor = Actor & { orgId: number };

type ScopeOf<K extends Scope["kind"]> = Extract<Scope, { kind: K }>;
type OrgOf<K extends SessionOrg["kind"]> = SessionOrg & { kind: K };

export type EnterpriseCaller = { user: SessionUser; org: OrgOf<"enterprise">; scope: ScopeOf<"enterprise">; actor: OrgActor };
export type InstitutionCaller = {
  user: SessionUser;
  org: OrgOf<"institution"> & { regionCode: string };
  scope: ScopeOf<"legalInstitution" | "authorisedInstitution">;
  actor: OrgActor;
};
export type RegulatorCaller = {
  user: SessionUser;
  org: OrgOf<"regulator"> & { regionCode: string };
  scope: ScopeOf<"regulator">;
  actor: OrgActor;
};
export type AdminCaller = { user: SessionUser; scope: ScopeOf<"admin">; actor: Actor };
/** Reviewers of registrations (R-ACC-3): an administrator, or an institution (whose queue may be empty). */
export type ReviewerCaller = AdminCaller | InstitutionCaller;
/** Any signed-in user with the scope their role and organisation give (possibly none). */
export type SignedInCaller = { user: SessionUser; scope: Scope; actor: Actor };
export type PersonalCaller = { user: SessionUser & { role: "personal" }; actor: Actor };

/**
 * The guards every entry point uses — tRPC procedure builders, route handlers and server actions alike —
 * so that "who is calling, for which organisation, seeing what" is decided in exactly one place.
 * Each throws a domain error (no transport knowledge); the API layer maps it to tRPC or HTTP.
 */

/**
 * Signed in, allowed while an administrator's forced password reset is pending. Only the profile's
 * change-password call and what its page needs use this directly (issue 9 item 4).
 */
export function signedInForPasswordChange(user: SessionUser | null): SessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

/** Signed in and not held by a forced password reset: the start of every other guard. */
function signedIn(u: SessionUser | null): SessionUser {
  const user = signedInForPasswordChange(u);
  if (user.mustChangePassword) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  return user;
}

function approvedOrg<K extends SessionOrg["kind"]>(user: SessionUser, role: SessionUser["role"], kind: K): OrgOf<K> {
  if (user.role !== role) throw new AppError("FORBIDDEN_ROLE");
  const org = user.org;
  if (!org || org.kind !== kind) throw new AppError("FORBIDDEN_ROLE");
  if (org.status !== "approved") throw new AppError("ACCOUNT_PENDING");
  return org as OrgOf<K>;
}

/** The audit actor for a signed-in user. */
export const actor = (user: SessionUser, ip: string | null): Actor => ({ userId: user.id, orgId: user.org?.id ?? null, ip });
const orgActor = (user: SessionUser, orgId: number, ip: string | null): OrgActor => ({ userId: user.id, orgId, ip });

export function asEnterprise(u: SessionUser | null, ip: string | null): EnterpriseCaller {
  const user = signedIn(u);
  const org = approvedOrg(user, "enterprise", "enterprise");
  return { user, org, scope: { kind: "enterprise", orgId: org.id }, actor: orgActor(user, org.id, ip) };
}

export function asInstitution(u: SessionUser | null, ip: string | null): InstitutionCaller {
  const user = signedIn(u);
  const org = approvedOrg(user, "institution", "institution");
  const regionCode = org.regionCode;
  if (!regionCode) throw new AppError("FORBIDDEN_ROLE");
  const scope: InstitutionCaller["scope"] =
    org.institutionKind === "legal"
      ? { kind: "legalInstitution", orgId: org.id, region: regionFilterOf(regionCode) }
      : { kind: "authorisedInstitution", orgId: org.id };
  return { user, org: { ...org, regionCode }, scope, actor: orgActor(user, org.id, ip) };
}

export function asRegulator(u: SessionUser | null, ip: string | null): RegulatorCaller {
  const user = signedIn(u);
  const org = approvedOrg(user, "regulator", "regulator");
  const regionCode = org.regionCode;
  if (!regionCode) throw new AppError("FORBIDDEN_ROLE");
  return {
    user,
    org: { ...org, regionCode },
    scope: { kind: "regulator", orgId: org.id, region: regionFilterOf(regionCode) },
    actor: orgActor(user, org.id, ip),
  };
}

export function asAdmin(u: SessionUser | null, ip: string | null): AdminCaller {
  const user = signedIn(u);
  if (user.role !== "admin") throw new AppError("FORBIDDEN_ROLE");
  return { user, scope: { kind: "admin" }, actor: actor(user, ip) };
}

export function asReviewer(u: SessionUser | null, ip: string | null): ReviewerCaller {
  const user = signedIn(u);
  return user.role === "admin" ? asAdmin(user, ip) : asInstitution(user, ip);
}

export function asSignedIn(u: SessionUser | null, ip: string | null): SignedInCaller {
  const user = signedIn(u);
  return { user, scope: scopeOf({ user }), actor: actor(user, ip) };
}

/** Personal users have no organisation, so no approval applies to them. */
export function asPersonal(u: SessionUser | null, ip: string | null): PersonalCaller {
  const user = signedIn(u);
  if (user.role !== "personal") throw new AppError("FORBIDDEN_ROLE");
  return { user: user as SessionUser & { role: "personal" }, actor: actor(user, ip) };
}
