import { labelSheetQuerySchema } from "@/lib/schemas/labels";
import { errorResponse } from "@/server/api/errors";
import { asEnterprise, asInstitution } from "@/server/authz/caller";
import { AppError } from "@/server/errors";
import { attachmentHeader } from "@/server/files/store";
import { clientAddress } from "@/server/http/client-address";
import { requestUser } from "@/server/http/request-user";
import { labelRows, labelSheetPdf } from "@/server/services/public/label-sheet";

export const dynamic = "force-dynamic";

/**
 * 打印标签 (R-PUB-3): a PDF sheet of permanent labels for the chosen filed instruments — the enterprise's own,
 * or those an institution sees; A4 3 × 8 or 50 × 30 mm thermal. Reprinting one label is the same with one id.
 */
export async function GET(req: Request) {
  try {
    const { db, user } = await requestUser(req);
    const ip = clientAddress(req.headers);
    const { scope } = user?.role === "institution" ? asInstitution(user, ip) : asEnterprise(user, ip);
    const url = new URL(req.url);
    const q = labelSheetQuerySchema.safeParse(Object.fromEntries(url.searchParams.entries()));
    if (!q.success) throw new AppError("BAD_INPUT", q.error.issues[0]?.message ?? "请选择已备案的器具再打印标签");
    const rows = await labelRows(db, scope, q.data.ids);
    const base = process.env.PUBLIC_BASE_URL || process.env.NEXTAUTH_URL || url.origin;
    const pdf = await labelSheetPdf(rows, q.data.format, base);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": attachmentHeader(rows.length === 1 ? `器具标签-${rows[0]!.instrumentCode ?? rows[0]!.serialNo}.pdf` : `器具标签-${rows.length}张.pdf`),
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "labels");
  }
}
