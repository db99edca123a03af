import { answerPublicLookup, lookupRoute, toResponse } from "@/server/http/public-page";
import { clientAddress } from "@/server/http/client-address";

export const dynamic = "force-dynamic";

/**
 * The home page's search box (R-PUB-2): an exact certificate number opens its `/v/` page, an exact 器具编码 its
 * `/i/` label page; anything else (partial numbers, SQL-looking text, 10,000 characters) answers 未找到.
 * Answered like `/v/` (see src/app/v/[token]/route.ts).
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const route = lookupRoute("/search", url.search)!;
  return toResponse(await answerPublicLookup(route, { ip: clientAddress(req.headers), ifNoneMatch: null }));
}
