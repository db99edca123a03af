import { getSessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { attachmentHeader, readUpload } from "@/server/files/store";
import { canReadRegistrationDocument } from "@/server/services/accounts/registration-document";

export const dynamic = "force-dynamic";

/**
 * A registration document, for its reviewers (R-ACC-3 queue) and for the applicant's own organisation;
 * anyone else gets 404, the same answer as for a file that does not exist (R-SCOPE-4).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  const db = (await getDb()).db;
  if (!(await canReadRegistrationDocument(db, await getSessionUser(), fileId)))
    return new Response("文件不存在或无权查看", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { file, bytes } = await readUpload(db, fileId);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mime,
      "Content-Disposition": attachmentHeader(file.originalName),
      "Cache-Control": "private, no-store",
    },
  });
}
