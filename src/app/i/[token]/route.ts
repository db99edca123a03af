import { labelPage, notFoundPage } from "@/components/public/lookup-pages";
import { servePublicPage } from "@/server/http/public-page";
import { labelByToken } from "@/server/services/public/lookups";
import { logPublicLookup } from "@/server/services/public/rate-limit";

export const dynamic = "force-dynamic";

/** 器具标签 `/i/{token}` (R-PUB-3): the permanent label's QR; shows the instrument and its latest certificate's state. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return servePublicPage(req, async (db, ip) => {
    const l = await labelByToken(db, token);
    await logPublicLookup(db, "label", token, !!l, ip);
    return l ? { found: true, body: labelPage(l) } : { found: false, body: notFoundPage("label") };
  });
}
