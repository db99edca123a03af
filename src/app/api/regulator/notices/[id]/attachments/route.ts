import { idSchema } from "@/lib/schemas/common";
import { AppError } from "@/server/errors";
import { uploadedFile } from "@/server/ledger-http/guard";
import { errorResponse, regulatorCaller } from "@/server/regulator-http/guard";
import { addNoticeAttachment, NOTICE_ATTACHMENT_RULES } from "@/server/services/regulator/notices";

export const dynamic = "force-dynamic";

/** 公告附件上传 (issue 12 item 4): typed by content (pdf, jpg, png, zip, rar), 10 MB each. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const caller = await regulatorCaller(req, { write: true });
    const id = idSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("NOT_FOUND");
    const { file } = await uploadedFile(req, NOTICE_ATTACHMENT_RULES.maxBytes);
    return Response.json(await addNoticeAttachment(caller.db, caller, id.data, file));
  } catch (e) {
    return errorResponse(e);
  }
}
