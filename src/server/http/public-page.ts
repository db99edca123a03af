import "server-only";
import { createHash } from "node:crypto";
import { PUBLIC_PAGE_HEADERS } from "@/components/public/html";
import { rateLimitedPage } from "@/components/public/lookup-pages";
import { getDb, getReadDb } from "@/server/db";
import type { DB } from "@/server/db/open";
import { hitPublicLimit, type LimitVerdict } from "@/server/services/public/rate-limit";
import { clientAddress } from "./client-address";

/** Seconds a browser may keep a lookup page (short: a revocation shows within a minute). */
export const PUBLIC_PAGE_MAX_AGE = 60;

/**
 * Serves one public lookup page (issue 11 #1, #7, #8): the client address's rate limit first (a clear Chinese
 * page with 429 when exceeded), then the page itself with a short max-age and an ETag (304 when unchanged);
 * a miss is a 404 page that is not cached.
 */
export async function servePublicPage(req: Request, render: (db: DB, ip: string | null) => Promise<{ found: boolean; body: string }>): Promise<Response> {
  return serveLimitedPage(req, async (db, ip) => {
    const verdict = hitPublicLimit(db, ip);
    // The rate limit counts on the primary (shared by every process); the page reads from the replica when there
    // is one (its lookup log is an insert, which withReplicas sends to the primary).
    return verdict.allowed ? { verdict, ...(await render(await getReadDb(), ip)) } : { verdict, found: false, body: "" };
  });
}

/**
 * The same answer when one call does the rate limit, the lookup and its log together (the `/v/` and `/i/` pages:
 * verifyCertificate, verifyLabel): the only database work on the request path is the token's read-only prepared
 * lookup; the hit and the log row are buffered in memory and written in the background (PublicWrites).
 */
export async function serveLimitedPage(
  req: Request,
  lookup: (db: DB, ip: string | null) => Promise<{ verdict: LimitVerdict; found: boolean; body: string }>,
): Promise<Response> {
  const ip = clientAddress(req.headers);
  const { db } = await getDb();
  const { verdict, found, body } = await lookup(db, ip);
  if (!verdict.allowed) {
    return new Response(rateLimitedPage(verdict.retryAfterSeconds), {
      status: 429,
      headers: { ...PUBLIC_PAGE_HEADERS, "cache-control": "no-store", "retry-after": String(verdict.retryAfterSeconds) },
    });
  }
  if (!found) return new Response(body, { status: 404, headers: { ...PUBLIC_PAGE_HEADERS, "cache-control": "no-store" } });
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { ...PUBLIC_PAGE_HEADERS, "cache-control": `public, max-age=${PUBLIC_PAGE_MAX_AGE}`, etag };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
