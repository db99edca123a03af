import { idSchema } from "@/lib/schemas/common";
import { AppError } from "@/server/errors";
import { enterpriseCaller, errorResponse, uploadedFile } from "@/server/ledger-http/guard";
import { addAttachment, ATTACHMENT_TOTAL_BYTES } from "@/server/services/ledger/attachments";

export const dynamic = "force-dynamic";

/**
 * Attachment upload (R-LED-3). A route handler rather than a server action: the browser posts with
 * XMLHttpRequest, whose upload events drive the progress bar (fetch and server actions report none).
 */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { db, actor } = await enterpriseCaller(req, { write: true });
    const id = idSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("NOT_FOUND");
    const { form, file } = await uploadedFile(req, ATTACHMENT_TOTAL_BYTES);
    const slot = form.get("slot") === "type_evaluation" ? "type_evaluation" : "general";
    return Response.json(await addAttachment(db, actor, id.data, slot, file));
  } catch (e) {
    return errorResponse(e);
  }
}
