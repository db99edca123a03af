import { certificatePage, notFoundPage } from "@/components/public/lookup-pages";
import { serveLimitedPage } from "@/server/http/public-page";
import { verifyCertificate } from "@/server/services/public/lookups";

export const dynamic = "force-dynamic";

/**
 * 证书核验 `/v/{token}` (R-PUB-1): the QR on a certificate opens it. Plain server-built HTML without client
 * JavaScript (a route handler, so the page sets its own short cache and ETag); unknown tokens get a Chinese 404;
 * every lookup is logged (the rate limit and the log are buffered in memory; the request runs one read-only prepared lookup).
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return serveLimitedPage(req, async (db, ip) => {
    const { verdict, certificate: c } = await verifyCertificate(db, token, ip);
    return c ? { verdict, found: true, body: certificatePage(c) } : { verdict, found: false, body: notFoundPage("certificate") };
  });
}
