import { searchMissPage } from "@/components/public/lookup-pages";
import { servePublicPage } from "@/server/http/public-page";
import { publicSearch } from "@/server/services/public/lookups";
import { logPublicLookup } from "@/server/services/public/rate-limit";

export const dynamic = "force-dynamic";

/**
 * The home page's search box (R-PUB-2): an exact certificate number opens its `/v/` page, an exact 器具编码 its
 * `/i/` label page; anything else (partial numbers, SQL-looking text, 10,000 characters) answers 未找到.
 */
export async function GET(req: Request) {
  const q = (new URL(req.url).searchParams.get("q") ?? "").slice(0, 10_000);
  let target: string | null = null;
  const res = await servePublicPage(req, async (db, ip) => {
    target = await publicSearch(db, q);
    logPublicLookup(db, "search", q.trim(), !!target, ip);
    return { found: !!target, body: target ? "" : searchMissPage(q.trim()) };
  });
  if (target && res.status !== 429) return new Response(null, { status: 303, headers: { location: target, "cache-control": "no-store" } });
  return res;
}
