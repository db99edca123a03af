import "server-only";
import { withReplicas } from "drizzle-orm/pg-core";
import type { DB } from "./open";

/**
 * The read side of the database (issue 14 #4): with a replica, Drizzle's `withReplicas` sends select / $count /
 * with / relational queries to the replica and every insert, update, delete, execute and transaction to the
 * primary; without one, the primary itself.
 */
export function readRouted(primary: DB, replica: DB | null): DB {
  if (!replica) return primary;
  return withReplicas(primary, [replica]) as unknown as DB;
}

/** Cookie a writing request leaves behind: for its lifetime the same browser reads from the primary (read-your-writes across requests). */
export const PRIMARY_COOKIE = "qjt_primary";
/** Seconds; well above the replica's usual lag on one machine or a LAN (milliseconds). */
export const PRIMARY_COOKIE_SECONDS = 10;

export function hasPrimaryCookie(cookieHeader: string | null): boolean {
  return !!cookieHeader && cookieHeader.split(";").some((c) => c.trim().startsWith(`${PRIMARY_COOKIE}=`));
}

export const primaryCookie = () => `${PRIMARY_COOKIE}=1; Max-Age=${PRIMARY_COOKIE_SECONDS}; Path=/; HttpOnly; SameSite=Lax`;

/**
 * The one database a raw statement on the read side runs on: the replica behind `readRouted`, else the
 * database itself. (`executePrepared` uses the session, which withReplicas copies from the primary.)
 */
export function readSession(db: DB): DB {
  const replicas = (db as unknown as { $replicas?: DB[] }).$replicas;
  return replicas?.[0] ?? db;
}
