import "server-only";
import type { Actor } from "@/server/services/audit";
import type { Context } from "./trpc";

/** The audit actor for a signed-in caller. */
export function actorOf(ctx: Pick<Context, "user" | "ip">): Actor {
  return { userId: ctx.user?.id ?? null, orgId: ctx.user?.org?.id ?? null, ip: ctx.ip };
}
