import { idSchema } from "@/lib/schemas/common";
import { errorResponse } from "@/server/api/errors";
import { AppError } from "@/server/errors";
import { attachmentHeader } from "@/server/files/store";
import { documentDownloadCaller, publicBaseUrl } from "@/server/http/document-download";
import { documentFileName, issuedPdf, loadForDownload } from "@/server/services/certificates/download";

export const dynamic = "force-dynamic";

/**
 * One certificate or fail notice as a PDF (issue 10 item 7): the enterprise's own (once any fee is paid,
 * R-RES-4) or one the institution issued; anything else is 404. The bytes are the one signed file fixed on
 * the first download (R-PUB-4).
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const reader = await documentDownloadCaller(req);
    const id = idSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("NOT_FOUND");
    const [doc] = await loadForDownload(reader.db, reader, [id.data]);
    const pdf = await issuedPdf(reader.db, doc!, publicBaseUrl(req), reader.actor);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": attachmentHeader(documentFileName(doc!)),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e, "certificates");
  }
}
