import type { SessionUser } from "@/server/auth/session-user";
import type { Decider } from "@/server/services/filing/decide-filings";
import type { CapabilityOwner } from "@/server/services/filing/save-capability";
import { AppError } from "@/server/errors";
import { actorOf } from "../../actor";

type Ctx = { user: SessionUser; ip: string | null };

/** The calling institution as the filing services need it (roleProcedure has checked role and approval). */
export function institutionOf(ctx: Ctx): Decider & CapabilityOwner {
  const org = ctx.user.org;
  if (!org || org.kind !== "institution") throw new AppError("NOT_FOUND");
  return {
    ...actorOf(ctx),
    orgId: org.id,
    regionCode: org.regionCode,
    institutionKind: org.institutionKind,
    caller: { orgId: org.id, level: org.level, institutionKind: org.institutionKind },
  };
}

export function enterpriseOf(ctx: Ctx) {
  const org = ctx.user.org;
  if (!org || org.kind !== "enterprise") throw new AppError("NOT_FOUND");
  return { ...actorOf(ctx), orgId: org.id };
}

export { page } from "@/server/db/keyset";
export { escapeLike } from "@/server/db/like";
