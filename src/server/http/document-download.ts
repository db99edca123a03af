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

/** Where the QR codes point: PUBLIC_BASE_URL, else the origin the request came to (README → 配置). */
export function publicBaseUrl(req: Request): string {
  return config.publicBaseUrl ?? new URL(req.url).origin;
}
