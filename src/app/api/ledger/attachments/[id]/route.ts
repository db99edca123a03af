import { idSchema } from "@/lib/schemas/common";
import { AppError } from "@/server/errors";
import { attachmentHeader, readUpload } from "@/server/files/store";
import { errorResponse, scopedCaller } from "@/server/ledger-http/guard";
import { attachmentFileInScope } from "@/server/services/ledger/attachments";

export const dynamic = "force-dynamic";

/** Download of an attachment of an instrument in the caller's scope (same scope as the instrument's details). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { db, scope } = await scopedCaller(req);
    const id = idSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("NOT_FOUND");
    const { file, bytes } = await readUpload(db, await attachmentFileInScope(db, scope, id.data));
    return new Response(new Uint8Array(bytes), {
      headers: { "content-type": file.mime, "content-disposition": attachmentHeader(file.originalName), "x-content-type-options": "nosniff" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
