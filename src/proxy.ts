import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/server/http/csp";
import { FOREIGN_ORIGIN_MESSAGE, isSameOrigin } from "@/server/http/same-origin";

/**
 * Runs before every page request (not /api, not static files):
 * - a POST to a page is a server action; from another site (or with a `null` Origin) it is refused here with
 *   a clear 403, before Next's own check would answer it with a bare HTTP 500 (issue 9 #7);
 * - every page gets a Content-Security-Policy with a fresh nonce (issue 9 #6). Next reads the nonce from the
 *   request's CSP header and puts it on the scripts it renders.
 */
export function proxy(request: NextRequest) {
  if (request.method === "POST" && !isSameOrigin(request.headers)) {
    return NextResponse.json({ message: FOREIGN_ORIGIN_MESSAGE }, { status: 403 });
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Route handlers under /api answer JSON and files (and check writes themselves); static chunks need no policy.
  // The public lookups /v/, /i/ and /search (issue 11) are GET-only route handlers that send their own, stricter
  // policy (no script at all: src/components/public/html.ts), so they skip this per-request step.
  matcher: ["/((?!api/|v/|i/|search$|_next/static/|_next/image|favicon.ico).*)"],
};
