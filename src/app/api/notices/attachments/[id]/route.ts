import { idSchema } from "@/lib/schemas/common";
import { AppError } from "@/server/errors";
import { attachmentHeader, readUpload } from "@/server/files/store";
import { anyCaller, errorResponse } from "@/server/regulator-http/guard";
import { noticeAttachmentFile } from "@/server/services/regulator/notices";

export const dynamic = "force-dynamic";

/** 公告附件下载: anyone for a published notice; the regulators of its region for drafts and withdrawn ones. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { db, scope } = await anyCaller(req);
    const id = idSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("NOT_FOUND");
    const { file, bytes } = await readUpload(db, await noticeAttachmentFile(db, scope, id.data));
    return new Response(new Uint8Array(bytes), {
      headers: { "content-type": file.mime, "content-disposition": attachmentHeader(file.originalName), "x-content-type-options": "nosniff" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
