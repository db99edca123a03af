import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { passwordSchema, usernameSchema } from "@/lib/schemas/accounts";
import { hashPassword } from "@/server/auth/password";
import type { DB } from "@/server/db/open";
import { memberships, organisations, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { SYSTEM_ACTOR, writeAudit } from "@/server/services/audit";
import { assertUsernameFree, mapUniqueViolation } from "./registration-shared";

const input = z.object({ username: usernameSchema, password: passwordSchema });

/** The platform operator every administrator belongs to; a real deployment's first one is created here. */
const PLATFORM_NAME = "强检通平台运营中心";

/**
 * `npm run admin:create` (issue 9 item 3): the first administrator of a real deployment, whose database has no
 * demo accounts. The password follows R-ACC-2 like every other; the creation is audited as the system's act.
 */
export async function createAdministrator(db: DB, raw: { username: string; password: string }) {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_INPUT", parsed.error.issues.map((i) => i.message).join("；"));
  const { username, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db
    .transaction(async (tx) => {
      await assertUsernameFree(tx, username);
      let [platform] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, "platform")).limit(1);
      if (!platform) {
        [platform] = await tx.insert(organisations).values({ kind: "platform", name: PLATFORM_NAME, status: "approved" }).returning({ id: organisations.id });
        await writeAudit(tx, SYSTEM_ACTOR, { action: "org.create", entityType: "organisation", entityId: platform!.id, after: { kind: "platform", name: PLATFORM_NAME } });
      }
      const [user] = await tx
        .insert(users)
        .values({ username, displayName: "平台管理员", role: "admin", orgId: platform!.id, passwordHash })
        .returning({ id: users.id });
      await tx.insert(memberships).values({ userId: user!.id, orgId: platform!.id, memberRole: "owner", status: "approved" });
      await writeAudit(tx, SYSTEM_ACTOR, { action: "user.create", entityType: "user", entityId: user!.id, after: { username, role: "admin", via: "admin:create" } });
      return { id: user!.id, username };
    })
    .catch(mapUniqueViolation);
}
