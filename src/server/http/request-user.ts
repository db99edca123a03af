import "server-only";
import { readSessionToken } from "@/server/auth/session";
import { loadSessionUser } from "@/server/auth/session-user";
import { getDb } from "@/server/db";

/**
 * The database and the signed-in user of a route handler's request (read from its cookie, re-read from the
 * database), for the guards of src/server/authz/caller.ts.
 */
export async function requestUser(req: Request) {
  const db = (await getDb()).db;
  const { userId, sessionVersion } = await readSessionToken(req);
  const user = userId === null ? null : await loadSessionUser(db, userId, sessionVersion);
  return { db, user };
}
