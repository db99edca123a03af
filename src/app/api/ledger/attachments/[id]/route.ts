import { idSchema } from "@/lib/schemas/common";
import { AppError } from "@/server/errors";
import { attachmentHeader, readUpload } from "@/server/files/store";
import { enterpriseCaller, errorResponse } from "@/server/ledger-http/guard";
import { ownAttachmentFile } from "@/server/services/ledger/attachments";

export const dynamic = "force-dynamic";

/** Download of an attachment of one of the caller's own instruments. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { db, orgId } = await enterpriseCaller(req, { write: false });
    const id = idSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("NOT_FOUND");
    const { file, bytes } = await readUpload(db, await ownAttachmentFile(db, orgId, id.data));
    return new Response(new Uint8Array(bytes), {
      headers: { "content-type": file.mime, "content-disposition": attachmentHeader(file.originalName), "x-content-type-options": "nosniff" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
