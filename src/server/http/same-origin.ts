/** What a refused write is told (ledger routes, server actions, tRPC mutations). */
export const FOREIGN_ORIGIN_MESSAGE = "请求来源无效，请刷新页面后重试";

/**
 * Server actions and route handlers get no CSRF protection of their own (server actions even accept a
 * request without an Origin header), so writes check that the request comes from a page of this site.
 * A missing, malformed ("null") or foreign Origin is refused.
 */
export function isSameOrigin(headers: Pick<Headers, "get">): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
