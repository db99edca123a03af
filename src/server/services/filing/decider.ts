import "server-only";
import type { InstitutionCaller } from "@/server/authz/caller";
import type { Decider } from "./decide-filings";
import type { CapabilityOwner } from "./save-capability";

/** The calling institution as the filing and capability services need it (from the one authz guard). */
export function deciderOf(c: Pick<InstitutionCaller, "org" | "actor">): Decider & CapabilityOwner {
  const { org } = c;
  return {
    ...c.actor,
    orgId: org.id,
    regionCode: org.regionCode,
    institutionKind: org.institutionKind,
    caller: { orgId: org.id, level: org.level, institutionKind: org.institutionKind },
  };
}
