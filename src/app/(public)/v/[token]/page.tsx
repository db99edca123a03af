import { notFound } from "next/navigation";
import { DocumentVerdict } from "@/components/certificates/document-verdict";
import { serverCaller } from "@/trpc/server";

/**
 * `/v/{token}`: where a certificate's QR code leads (R-PUB-1). No sign-in; answers with the document's state
 * on the China day, its number, the instrument and the institution. The full public page is issue 11.
 */
export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const doc = await (await serverCaller()).certificates.verify({ token: token.slice(0, 64) });
  if (!doc) notFound();
  return <DocumentVerdict doc={doc} />;
}
