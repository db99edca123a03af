import { Readable } from "node:stream";
import { chinaToday } from "@/lib/china-day";
import { idSchema } from "@/lib/schemas/common";
import { errorResponse } from "@/server/api/errors";
import { AppError } from "@/server/errors";
import { attachmentHeader } from "@/server/files/store";
import { documentDownloadCaller, publicBaseUrl } from "@/server/http/document-download";
import { documentsZip, loadForDownload, MAX_BATCH } from "@/server/services/certificates/download";

export const dynamic = "force-dynamic";

/**
 * A batch of selected documents as one zip, streamed (issue 10 item 7): `?ids=1,2,3`. Every id must be the
 * reader's (else 404 for the whole batch) and, for the enterprise, have its fee paid (else 403 naming it).
 */
export async function GET(req: Request) {
  try {
    const reader = await documentDownloadCaller(req);
    const raw = (new URL(req.url).searchParams.get("ids") ?? "").split(",").filter(Boolean);
    if (raw.length === 0 || raw.length > MAX_BATCH) throw new AppError("CERT_BATCH_INVALID");
    const ids = raw.map((v) => idSchema.safeParse(v));
    if (ids.some((r) => !r.success)) throw new AppError("NOT_FOUND");
    const docs = await loadForDownload(reader.db, reader, ids.map((r) => r.data!));
    return new Response(Readable.toWeb(documentsZip(reader.db, docs, publicBaseUrl(req), reader.actor)) as ReadableStream, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": attachmentHeader(`检定证书-${chinaToday()}.zip`),
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "certificates");
  }
}
