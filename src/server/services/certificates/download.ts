import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { Readable } from "node:stream";
import yazl from "yazl";
import type { Actor } from "@/server/authz/caller";
import type { DocumentReader } from "@/server/authz/document-reader";
import type { Queryable } from "@/server/db/open";
import { certificates, results } from "@/server/db/schema";
import { assertDownloadable } from "@/server/domain/certificates/access";
import { AppError, notFound } from "@/server/errors";
import { readUpload, storeGeneratedFile, withUploadCleanup } from "@/server/files/store";
import { chineseDate, DOCUMENT_TITLE, renderDocumentPdf } from "@/server/pdf/certificate-pdf";
import { signPdf } from "@/server/pdf/sign";
import { writeAudit } from "@/server/services/audit";
import { readerWhere } from "./reader-scope";
import { institutionSigner } from "./signing-key";

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
      institutionId: certificates.institutionId,
      pdfFileId: certificates.pdfFileId,
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

/** Draws the document and signs it with its institution's key (R-RES-3, R-PUB-4). */
async function signedPdf(db: Queryable, d: DownloadableDocument, baseUrl: string, actor: Actor): Promise<Buffer> {
  const signer = await institutionSigner(db, d.institutionId, actor);
  const drawn = await renderDocumentPdf(d, { verifyUrl: verifyUrl(baseUrl, d.token) });
  return signPdf(drawn, signer, {
    reason: `${DOCUMENT_TITLE[d.kind]} ${d.number}，${chineseDate(d.issuedOn)}签发`,
    name: signer.subjectName,
    location: d.snapshot.institution.address ?? "",
    contactInfo: d.snapshot.institution.contactPhone ?? "",
  });
}

/** Lost the race to fix a document's file: another download stored it first. */
class FileAlreadyStored extends Error {}

/**
 * The document's PDF as issued (R-PUB-4): one fixed, signed file, so its SHA-256 (printed on `/v/{token}`)
 * means something. The first download draws and signs it — outside any transaction, the QR pointing at
 * PUBLIC_BASE_URL or that download's address — then stores the bytes in the file store and their hash on
 * the document, audited, in one short transaction; every later download (single or zip) serves those bytes.
 * Two first downloads at once: the second finds the file set (`pdf_file_id is null` no longer holds), drops
 * its own bytes and serves the first's. A revoked document is drawn afresh with its 已撤销 mark (and signed)
 * but not stored: the issued file stays the one whose hash the page shows.
 */
export async function issuedPdf(db: Queryable, d: DownloadableDocument, baseUrl: string, actor: Actor): Promise<Buffer> {
  if (d.state === "revoked") return signedPdf(db, d, baseUrl, actor);
  if (d.pdfFileId) return (await readUpload(db, d.pdfFileId)).bytes;
  const bytes = await signedPdf(db, d, baseUrl, actor);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  try {
    await withUploadCleanup((written) =>
      db.transaction(async (tx) => {
        const file = await storeGeneratedFile(tx, { name: documentFileName(d), bytes, mime: "application/pdf", ext: "pdf" }, { userId: null, orgId: d.institutionId }, written);
        const [won] = await tx
          .update(certificates)
          .set({ pdfFileId: file.id, pdfSha256: sha256 })
          .where(and(eq(certificates.id, d.id), isNull(certificates.pdfFileId)))
          .returning({ id: certificates.id });
        if (!won) throw new FileAlreadyStored();
        await writeAudit(tx, actor, { action: "certificate.file_signed", entityType: "certificate", entityId: d.id, after: { size: bytes.byteLength, sha256 } });
      }),
    );
    return bytes;
  } catch (e) {
    if (!(e instanceof FileAlreadyStored)) throw e;
    const [row] = await db.select({ pdfFileId: certificates.pdfFileId }).from(certificates).where(eq(certificates.id, d.id));
    return (await readUpload(db, row!.pdfFileId!)).bytes;
  }
}

/**
 * A batch as one zip, streamed: each document's issued PDF (`issuedPdf`) is added in turn while the archive
 * already flows to the client, so memory holds about one document at a time. Entry names are UTF-8 (yazl
 * marks them so).
 */
export function documentsZip(db: Queryable, docs: DownloadableDocument[], baseUrl: string, actor: Actor): Readable {
  const zip = new yazl.ZipFile();
  const out = zip.outputStream as Readable;
  void (async () => {
    try {
      for (const d of docs) zip.addBuffer(await issuedPdf(db, d, baseUrl, actor), documentFileName(d), { compress: false });
      zip.end();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
