import "server-only";
import { eq } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { organisations, users } from "@/server/db/schema";

export type UserRole = (typeof users.$inferSelect)["role"];

export type SessionOrg = Pick<
  typeof organisations.$inferSelect,
  "id" | "kind" | "name" | "level" | "institutionKind" | "regionCode" | "provinceCode" | "cityCode" | "countyCode" | "status" | "rejectReason"
>;

export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  mustChangePassword: boolean;
  org: SessionOrg | null;
};

/**
 * The caller as the database knows them now: a disabled user, or a token minted before the last sign-out or
 * password change (older session version), is nobody.
 */
export async function loadSessionUser(db: DB, userId: number, sessionVersion: number | null): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      org: {
        id: organisations.id,
        kind: organisations.kind,
        name: organisations.name,
        level: organisations.level,
        institutionKind: organisations.institutionKind,
        regionCode: organisations.regionCode,
        provinceCode: organisations.provinceCode,
        cityCode: organisations.cityCode,
        countyCode: organisations.countyCode,
        status: organisations.status,
        rejectReason: organisations.rejectReason,
      },
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || !row.active) return null;
  if (sessionVersion !== null && row.sessionVersion !== sessionVersion) return null;
  const { active: _a, sessionVersion: _s, ...user } = row;
  void _a;
  void _s;
  return { ...user, org: row.org?.id ? row.org : null };
}
