import { certificatePage, notFoundPage } from "@/components/public/lookup-pages";
import { servePublicPage } from "@/server/http/public-page";
import { certificateByToken } from "@/server/services/public/lookups";
import { logPublicLookup } from "@/server/services/public/rate-limit";

export const dynamic = "force-dynamic";

/**
 * 证书核验 `/v/{token}` (R-PUB-1): the QR on a certificate opens it. Plain server-built HTML without client
 * JavaScript (a route handler, so the page sets its own short cache and ETag); unknown tokens get a Chinese 404;
 * every lookup is logged.
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return servePublicPage(req, async (db, ip) => {
    const c = await certificateByToken(db, token);
    await logPublicLookup(db, "certificate", token, !!c, ip);
    return c ? { found: true, body: certificatePage(c) } : { found: false, body: notFoundPage("certificate") };
  });
}
