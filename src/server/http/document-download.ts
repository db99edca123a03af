import "server-only";
import { asDocumentReader } from "@/server/authz/document-reader";
import { config } from "@/server/config";
import { clientAddress } from "./client-address";
import { requestUser } from "./request-user";

/** The reader of a certificate download (enterprise: its own; institution: what it issued) and its database. */
export async function documentDownloadCaller(req: Request) {
  const { db, user } = await requestUser(req);
  return { db, ...asDocumentReader(user, clientAddress(req.headers)) };
}

/**
 * Where the QR codes point: PUBLIC_BASE_URL, else the address the browser used — its Host header (Next
 * rewrites `req.url`'s host to localhost behind server.mjs). README → 配置.
 */
export function publicBaseUrl(req: Request): string {
  if (config.publicBaseUrl) return config.publicBaseUrl;
  const url = new URL(req.url);
  const host = req.headers.get("host");
  return host && /^[A-Za-z0-9.\-\[\]:]+$/.test(host) ? `${url.protocol}//${host}` : url.origin;
}
