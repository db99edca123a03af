import "server-only";
import { createHash } from "node:crypto";
import { notFoundPage, certificatePage, labelPage, rateLimitedPage, searchMissPage } from "@/components/public/lookup-pages";
import { PUBLIC_PAGE_HEADERS } from "@/components/public/html";
import { getDb, getReadDb } from "@/server/db";
import { publicSearch, verifyCertificate, verifyLabel } from "@/server/services/public/lookups";
import { hitPublicLimit, logPublicLookup, type LimitVerdict } from "@/server/services/public/rate-limit";

/** Seconds a browser may keep a lookup page (short: a revocation shows within a minute). */
export const PUBLIC_PAGE_MAX_AGE = 60;

/** Longest search text read from the address; the search itself refuses more than SEARCH_MAX. */
const SEARCH_READ_MAX = 10_000;

/**
 * One answer of the public lookups (`/v/{token}`, `/i/{token}`, `/search?q=`) as plain data, so the same answer
 * is sent by Next's route handlers (src/app/v, i, search) and by the production server's direct path
 * (src/server/http/public-lookups-node.ts, bundled into server.mjs), which skips Next's request pipeline for
 * speed (issue 11 #7).
 */
export type PageAnswer = { status: number; headers: Record<string, string>; body: string | null };

/** What the request carries that the answer depends on. */
export type LookupRequest = { ip: string | null; ifNoneMatch: string | null };

/** The public lookup an address names, or null: the path (without query) and the raw query string. */
export type LookupRoute = { kind: "certificate" | "label"; token: string } | { kind: "search"; q: string };

const ROUTE = /^\/(v|i)\/([^/?#]{1,200})$/;

/** Which lookup `pathname` + `search` name (tokens are matched, not decoded: a valid token is plain base64url). */
export function lookupRoute(pathname: string, search: string): LookupRoute | null {
  if (pathname === "/search") return { kind: "search", q: (new URLSearchParams(search).get("q") ?? "").slice(0, SEARCH_READ_MAX) };
  const m = ROUTE.exec(pathname);
  if (!m) return null;
  let token: string;
  try {
    token = decodeURIComponent(m[2]!);
  } catch {
    token = m[2]!;
  }
  return { kind: m[1] === "v" ? "certificate" : "label", token };
}

function refused(verdict: Extract<LimitVerdict, { allowed: false }>): PageAnswer {
  return {
    status: 429,
    headers: { ...PUBLIC_PAGE_HEADERS, "cache-control": "no-store", "retry-after": String(verdict.retryAfterSeconds) },
    body: rateLimitedPage(verdict.retryAfterSeconds),
  };
}

const missing = (body: string): PageAnswer => ({ status: 404, headers: { ...PUBLIC_PAGE_HEADERS, "cache-control": "no-store" }, body });

/** A found page: short max-age and an ETag (304 when the browser's copy is current). */
function found(req: LookupRequest, body: string): PageAnswer {
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { ...PUBLIC_PAGE_HEADERS, "cache-control": `public, max-age=${PUBLIC_PAGE_MAX_AGE}`, etag };
  return req.ifNoneMatch === etag ? { status: 304, headers, body: null } : { status: 200, headers, body };
}

/**
 * Answers one public lookup (issue 11 #1, #2, #7, #8): the client address's rate limit first (a clear Chinese
 * page with 429 when exceeded), then the page. `/v/` and `/i/` run one read-only prepared lookup; the hit and
 * the log row are buffered in memory and written in the background (PublicWrites). A miss is a 404 page that
 * is not cached; the search answers 303 to the page it found.
 */
export async function answerPublicLookup(route: LookupRoute, req: LookupRequest): Promise<PageAnswer> {
  const { db } = await getDb();
  const read = await getReadDb();
  if (route.kind === "search") {
    const verdict = hitPublicLimit(db, req.ip);
    if (!verdict.allowed) return refused(verdict);
    const q = route.q;
    const target = await publicSearch(read, q);
    logPublicLookup(db, "search", q.trim(), !!target, req.ip);
    return target ? { status: 303, headers: { location: target, "cache-control": "no-store" }, body: null } : missing(searchMissPage(q.trim()));
  }
  if (route.kind === "certificate") {
    const { verdict, certificate } = await verifyCertificate(db, route.token, req.ip, undefined, read);
    if (!verdict.allowed) return refused(verdict);
    return certificate ? found(req, certificatePage(certificate)) : missing(notFoundPage("certificate"));
  }
  const { verdict, label } = await verifyLabel(db, route.token, req.ip, undefined, read);
  if (!verdict.allowed) return refused(verdict);
  return label ? found(req, labelPage(label)) : missing(notFoundPage("label"));
}

/** The answer as a fetch Response (Next's route handlers). */
export function toResponse(answer: PageAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
