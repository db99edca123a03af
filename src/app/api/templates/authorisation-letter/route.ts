import { authorisationLetterDocx } from "@/server/documents/authorisation-letter";
import { attachmentHeader } from "@/server/files/store";

export const dynamic = "force-dynamic";

/** 下载模板: the legal-person authorisation letter as a Word (.docx) file. */
export async function GET() {
  const bytes = await authorisationLetterDocx();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": attachmentHeader("法人授权书（模板）.docx"),
      "Cache-Control": "public, max-age=3600",
    },
  });
}
