import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "@/server/http/client-address";
import { isSameOrigin } from "@/server/http/same-origin";

/**
 * Server actions accept requests without an Origin header, so each upload action checks it itself: the
 * request must come from a page of this site (same host), else it is refused.
 */
export async function assertSameOrigin() {
  return isSameOrigin(await headers());
}

export async function clientIp() {
  return clientAddress(await headers());
}
