import { labelPage, notFoundPage } from "@/components/public/lookup-pages";
import { serveLimitedPage } from "@/server/http/public-page";
import { verifyLabel } from "@/server/services/public/lookups";

export const dynamic = "force-dynamic";

/** 器具标签 `/i/{token}` (R-PUB-3): the permanent label's QR; shows the instrument and its latest certificate's state. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return serveLimitedPage(req, async (db, ip) => {
    const { verdict, label: l } = await verifyLabel(db, token, ip);
    return l ? { verdict, found: true, body: labelPage(l) } : { verdict, found: false, body: notFoundPage("label") };
  });
}
