import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { getDb } from "@/server/db";
import { nowSeconds, sessionWithinLifetime } from "./lifetime";
import { authOptions } from "./options";
import { loadSessionUser } from "./session-user";

/** The session token's user id and session version, or nulls (read from the request cookies). */
export async function readSessionToken(req?: Request): Promise<{ userId: number | null; sessionVersion: number | null }> {
  const h = req ? req.headers : await headers();
  const cookie = h.get("cookie") ?? "";
  const token = await getToken({
    req: { headers: Object.fromEntries(h.entries()), cookies: parseCookies(cookie) } as never,
    secret: authOptions.secret,
  });
  // The idle limit is the token's expiry (checked by getToken); the absolute lifetime is checked here, so a
  // cookie refreshed every 29 minutes still stops working SESSION_MAX_HOURS after sign-in.
  if (!token || !sessionWithinLifetime(token, nowSeconds())) return { userId: null, sessionVersion: null };
  return { userId: token.uid ?? null, sessionVersion: token.sv ?? null };
}

function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/** The signed-in user for a server component or route, re-read from the database; cached per request. */
export const getSessionUser = cache(async () => {
  const { userId, sessionVersion } = await readSessionToken();
  if (userId === null) return null;
  return loadSessionUser((await getDb()).db, userId, sessionVersion);
});

