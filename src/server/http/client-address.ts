/**
 * The one place that says who the client is (R-SEC-1), for rate limits, sign-in attempts and audit rows.
 * It reads only the header the production server (server.mjs) sets from the connection after deleting any
 * copy the client sent; `X-Forwarded-For` is honoured there, and only for the proxies TRUST_PROXY names.
 * Without that server (`next dev`) the header is absent and the address is unknown (null): callers that limit
 * by address then put every such request in one shared bucket rather than none.
 */
export const CLIENT_ADDRESS_HEADER = "x-qjt-client-ip";

type HeaderSource = Pick<Headers, "get"> | Record<string, string | string[] | undefined> | null | undefined;

export function clientAddress(headers: HeaderSource): string | null {
  if (!headers) return null;
  const value =
    typeof (headers as Headers).get === "function"
      ? (headers as Headers).get(CLIENT_ADDRESS_HEADER)
      : (headers as Record<string, string | string[] | undefined>)[CLIENT_ADDRESS_HEADER];
  const one = Array.isArray(value) ? value[0] : value;
  return one && one.length <= 64 ? one : null;
}
