import { and, eq, or, type SQL } from "drizzle-orm";
import { getSessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { organisationDocuments, organisations } from "@/server/db/schema";
import { attachmentHeader, readUpload } from "@/server/files/store";
import { reviewScope } from "@/server/services/accounts/review-scope";

export const dynamic = "force-dynamic";

/**
 * A registration document, for its reviewers (R-ACC-3 queue) and for the applicant's own organisation;
 * anyone else gets 404, the same answer as for a file that does not exist (R-SCOPE-4).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  const user = await getSessionUser();
  const missing = new Response("文件不存在或无权查看", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!user || !/^[0-9a-f]{32}$/.test(fileId)) return missing;
  const db = (await getDb()).db;
  const own: SQL | undefined = user.org ? eq(organisations.id, user.org.id) : undefined;
  const [row] = await db
    .select({ id: organisationDocuments.id })
    .from(organisationDocuments)
    .innerJoin(organisations, eq(organisations.id, organisationDocuments.orgId))
    .where(and(eq(organisationDocuments.fileId, fileId), own ? or(own, reviewScope(user)) : reviewScope(user)))
    .limit(1);
  if (!row) return missing;
  const { file, bytes } = await readUpload(db, fileId);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mime,
      "Content-Disposition": attachmentHeader(file.originalName),
      "Cache-Control": "private, no-store",
    },
  });
}
