import { answerPublicLookup, toResponse } from "@/server/http/public-page";
import { clientAddress } from "@/server/http/client-address";

export const dynamic = "force-dynamic";

/**
 * 证书核验 `/v/{token}` (R-PUB-1): the QR on a certificate opens it. Plain server-built HTML without client
 * JavaScript; unknown tokens get a Chinese 404; every lookup is logged (src/server/http/public-page.ts). The
 * production server answers this address itself, without Next (server.mjs → public-lookups-node.ts); this
 * handler serves `next dev` and a server started without that bundle.
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return toResponse(await answerPublicLookup({ kind: "certificate", token }, { ip: clientAddress(req.headers), ifNoneMatch: req.headers.get("if-none-match") }));
}
