import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { Readable } from "node:stream";
import yazl from "yazl";
import type { DocumentReader } from "@/server/authz/document-reader";
import type { Queryable } from "@/server/db/open";
import { certificates, results } from "@/server/db/schema";
import { assertDownloadable } from "@/server/domain/certificates/access";
import { AppError, notFound } from "@/server/errors";
import { DOCUMENT_TITLE, renderDocumentPdf } from "@/server/pdf/certificate-pdf";
import { readerWhere } from "./reader-scope";

export const MAX_BATCH = 200;

export type DownloadableDocument = Awaited<ReturnType<typeof loadForDownload>>[number];

/**
 * The documents a reader asked for, in the order asked, each checked: in the reader's own set (else the whole
 * request is NOT_FOUND, R-SCOPE-4) and, for the enterprise, with its fee paid (R-RES-4).
 */
export async function loadForDownload(db: Queryable, r: DocumentReader, ids: number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || unique.length > MAX_BATCH) throw new AppError("CERT_BATCH_INVALID");
  const rows = await db
    .select({
      id: certificates.id,
      kind: certificates.kind,
      number: certificates.number,
      token: certificates.token,
      state: certificates.state,
      issuedOn: certificates.issuedOn,
      verifiedOn: certificates.verifiedOn,
      validUntil: certificates.validUntil,
      snapshot: certificates.snapshot,
      feeCents: results.feeCents,
      feeNote: results.feeNote,
      feePaidAt: results.feePaidAt,
    })
    .from(certificates)
    .innerJoin(results, eq(results.id, certificates.resultId))
    .where(and(inArray(certificates.id, unique), readerWhere(r)));
  if (rows.length !== unique.length) throw notFound();
  for (const d of rows) assertDownloadable(r.reader, d.number, d);
  return unique.map((id) => rows.find((d) => d.id === id)!);
}

/** The absolute `/v/{token}` address printed as the QR code (README → PUBLIC_BASE_URL). */
export function verifyUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/v/${token}`;
}

export const documentFileName = (d: { kind: DownloadableDocument["kind"]; number: string }) => `${DOCUMENT_TITLE[d.kind]}-${d.number}.pdf`;

export function documentPdf(d: DownloadableDocument, baseUrl: string): Promise<Buffer> {
  return renderDocumentPdf(d, { verifyUrl: verifyUrl(baseUrl, d.token) });
}

/**
 * A batch as one zip, streamed: each PDF is drawn and added in turn while the archive already flows to the
 * client, so memory holds about one document at a time. Entry names are UTF-8 (yazl marks them so).
 */
export function documentsZip(docs: DownloadableDocument[], baseUrl: string): Readable {
  const zip = new yazl.ZipFile();
  const out = zip.outputStream as Readable;
  void (async () => {
    try {
      for (const d of docs) zip.addBuffer(await documentPdf(d, baseUrl), documentFileName(d), { compress: false });
      zip.end();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
