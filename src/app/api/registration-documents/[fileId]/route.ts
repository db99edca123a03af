import { errorResponse } from "@/server/api/errors";
import { asSignedIn } from "@/server/authz/caller";
import { attachmentHeader, readUpload } from "@/server/files/store";
import { requestUser } from "@/server/http/request-user";
import { canReadRegistrationDocument } from "@/server/services/accounts/registration-document";

export const dynamic = "force-dynamic";

const notFound = () => new Response("文件不存在或无权查看", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A registration document, for its reviewers (R-ACC-3 queue) and for the applicant's own organisation;
 * anyone else gets 404, the same answer as for a file that does not exist (R-SCOPE-4). A user held by a
 * forced password reset is refused by the guard (issue 9 item 4).
 */
export async function GET(req: Request, { params }: { params: Promise<{ fileId: string }> }) {
  try {
    const { fileId } = await params;
    const { db, user } = await requestUser(req);
    if (!user) return notFound();
    const caller = asSignedIn(user, null);
    if (!(await canReadRegistrationDocument(db, caller.user, fileId))) return notFound();
    const { file, bytes } = await readUpload(db, fileId);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": file.mime,
        "Content-Disposition": attachmentHeader(file.originalName),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "registration-document");
  }
}
