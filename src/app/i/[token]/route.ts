import { answerPublicLookup, toResponse } from "@/server/http/public-page";
import { clientAddress } from "@/server/http/client-address";

export const dynamic = "force-dynamic";

/**
 * 器具标签 `/i/{token}` (R-PUB-3): the permanent label's QR; shows the instrument and its latest certificate's
 * state. Answered like `/v/` (see src/app/v/[token]/route.ts).
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return toResponse(await answerPublicLookup({ kind: "label", token }, { ip: clientAddress(req.headers), ifNoneMatch: req.headers.get("if-none-match") }));
}
