import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { auditCount } from "../accounts/helpers";
import { openTestDb } from "../helpers/db";
import { type Fixtures, loadFixtures } from "../helpers/fixtures";
import { pdfText } from "../helpers/pdf";
import { sessionCookie } from "../helpers/session-cookie";

/**
 * Issue 11 item 3 (R-PUB-4): certificates that prove themselves. The issued PDF is signed with the
 * institution's own key (checked with poppler's `pdfsig`, which exits 0 either way: its text is read), it is
 * one fixed file whose SHA-256 the `/v/{token}` page prints, and the key is made once per institution.
 */
process.env.NEXTAUTH_SECRET = "test-secret-for-signed-pdfs";
delete process.env.PUBLIC_BASE_URL;
const { GET: pdfRoute } = await import("@/app/api/certificates/[id]/route");
const { GET: zipRoute } = await import("@/app/api/certificates/zip/route");
const { GET: verifyPage } = await import("@/app/v/[token]/route");
const { certificates, files, organisations, signingKeys, users } = await import("@/server/db/schema");
const { institutionSigner } = await import("@/server/services/certificates/signing-key");
const { certificateByToken } = await import("@/server/services/public/lookups");
const { issuedPdf, loadForDownload } = await import("@/server/services/certificates/download");

let database: Database;
let fx: Fixtures;

async function headersOf(username: string): Promise<Record<string, string>> {
  const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return { cookie: await sessionCookie(u!.id) };
}
async function download(username: string, id: number): Promise<Buffer> {
  const res = await pdfRoute(new Request(`http://localhost/api/certificates/${id}`, { headers: await headersOf(username) }), { params: Promise.resolve({ id: String(id) }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
async function page(token: string) {
  const res = await verifyPage(new Request(`http://localhost/v/${token}`, { headers: { "x-forwarded-for": "203.0.113.9" } }), { params: Promise.resolve({ token }) });
  return { res, html: await res.text() };
}
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const docOf = async (id: number) => (await database.db.select().from(certificates).where(eq(certificates.id, id)))[0]!;
const orgName = async (id: number) => (await database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)))[0]!.name;

function tmp(bytes: Uint8Array, name = "doc.pdf") {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "qjt-sign-")), name);
  writeFileSync(file, bytes);
  return file;
}
/** pdfsig's report (it exits 0 whether the signature is valid or not). */
const pdfsig = (bytes: Uint8Array) => execFileSync("pdfsig", [tmp(bytes)], { encoding: "utf8" });

/** The file with one byte changed inside its first content stream (inside the signed byte range). */
function flipInStream(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf("stream\n") + "stream\n".length + 10;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

beforeAll(async () => {
  database = await openTestDb();
  (globalThis as unknown as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
  fx = await loadFixtures(database.db);
}, 120_000);
afterAll(async () => {
  (globalThis as unknown as { __qjtDb?: unknown }).__qjtDb = undefined;
  await database?.close();
});

describe("R-PUB-4 the institution's signing key", () => {
  it("R-PUB-4 two concurrent first uses make one key per institution (one row, one audit, the same certificate), its private key stored only encrypted", async () => {
    const institutionId = (await docOf(fx.certificate["YY-0006"]!)).institutionId;
    expect(await database.db.select().from(signingKeys).where(eq(signingKeys.institutionId, institutionId))).toHaveLength(0);
    const actor = { userId: null, orgId: institutionId, ip: null };
    const [a, b] = await Promise.all([institutionSigner(database.db, institutionId, actor), institutionSigner(database.db, institutionId, actor)]);
    expect(a.certificatePem).toBe(b.certificatePem);
    expect(a.privateKeyPem).toBe(b.privateKeyPem);
    const rows = await database.db.select().from(signingKeys).where(eq(signingKeys.institutionId, institutionId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subjectName).toBe(await orgName(institutionId));
    expect(await auditCount(database.db, "signing_key.create", institutionId)).toBe(1);
    expect(rows[0]!.encryptedKeyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    const body = a.privateKeyPem.split("\n")[1]!;
    expect(rows[0]!.encryptedKeyPem).not.toContain(body);
    // A third use reads the same key.
    expect((await institutionSigner(database.db, institutionId, actor)).certificatePem).toBe(a.certificatePem);
  });
});

describe("R-PUB-4 the issued certificate PDF", () => {
  it("R-PUB-4 pdfsig: Signature is Valid, signer CN = the institution's Chinese name, whole document signed", async () => {
    const id = fx.certificate["YY-0105"]!;
    const pdf = await download("yyqy", id);
    const report = pdfsig(pdf);
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain(`Signer Certificate Common Name: ${await orgName((await docOf(id)).institutionId)}`);
    expect(report).toContain("Total document signed");
    expect(report).toContain("Signing Hash Algorithm: SHA-256");
    // Still the readable certificate of R-RES-3.
    expect(pdfText(pdf)).toContain("检定证书");
  });

  it("R-PUB-4 one byte flipped inside a stream: pdfsig reports Digest Mismatch", async () => {
    const pdf = await download("yyqy", fx.certificate["YY-0105"]!);
    const report = pdfsig(flipInStream(pdf));
    expect(report).toContain("Signature Validation: Digest Mismatch.");
    expect(report).not.toContain("Signature is Valid");
  });

  it("R-PUB-4 later downloads (the institution's, the enterprise's, in a zip) return the identical bytes, whose SHA-256 is on the document and on /v/", async () => {
    const id = fx.certificate["YY-0105"]!;
    const first = await download("yyqy", id);
    const again = await download("gzjly", id);
    expect(sha256(again)).toBe(sha256(first));
    const doc = await docOf(id);
    expect(doc.pdfSha256).toBe(sha256(first));
    expect(doc.pdfFileId).toMatch(/^[0-9a-f]{32}$/);
    expect(await auditCount(database.db, "certificate.file_signed", id)).toBe(1);

    const zipRes = await zipRoute(new Request(`http://localhost/api/certificates/zip?ids=${id}`, { headers: await headersOf("yyqy") }));
    const zip = tmp(Buffer.from(await zipRes.arrayBuffer()), "batch.zip");
    const [name] = execFileSync("unzip", ["-Z1", zip], { encoding: "utf8" }).trim().split("\n");
    execFileSync("unzip", ["-q", zip, "-d", path.dirname(zip)]);
    expect(sha256(readFileSync(path.join(path.dirname(zip), name!)))).toBe(sha256(first));

    expect((await certificateByToken(database.db, doc.token))!.fileSha256).toBe(sha256(first));
    const { res, html } = await page(doc.token);
    expect(res.status).toBe(200);
    expect(html).toContain(`<code id="fc-hash" data-testid="file-hash">${sha256(first)}</code>`);
  });

  it("R-PUB-4 two first downloads that both found no file get the same bytes: one stored file, one audit row", async () => {
    const id = fx.certificate["YY-0106"]!;
    expect((await docOf(id)).pdfFileId).toBeNull();
    // Both requests have read the document (no file yet) before either stores one: the race, made certain.
    const enterprise = { reader: "enterprise" as const, orgId: (await docOf(id)).enterpriseId, actor: { userId: null, orgId: (await docOf(id)).enterpriseId, ip: null } };
    const institution = { reader: "institution" as const, orgId: (await docOf(id)).institutionId, actor: { userId: null, orgId: (await docOf(id)).institutionId, ip: null } };
    const [de] = await loadForDownload(database.db, enterprise, [id]);
    const [di] = await loadForDownload(database.db, institution, [id]);
    expect(de!.pdfFileId).toBeNull();
    const [a, b] = await Promise.all([issuedPdf(database.db, de!, "http://localhost", enterprise.actor), issuedPdf(database.db, di!, "http://localhost", institution.actor)]);
    expect(sha256(a)).toBe(sha256(b));
    const doc = await docOf(id);
    expect(doc.pdfSha256).toBe(sha256(a));
    expect(await auditCount(database.db, "certificate.file_signed", id)).toBe(1);
    // The loser's file row was rolled back: one row with this hash.
    expect(await database.db.select({ id: files.id }).from(files).where(eq(files.sha256, sha256(a)))).toHaveLength(1);
    expect(sha256(await download("yyqy", id))).toBe(sha256(a));
  });
});

describe("R-PUB-4 the /v/ page's file check", () => {
  it("R-PUB-4 the CSP allows exactly the page's inline script (by its hash) and no other", async () => {
    const doc = await docOf(fx.certificate["YY-0105"]!);
    const { res, html } = await page(doc.token);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain("crypto.subtle.digest");
    const csp = res.headers.get("content-security-policy")!;
    const hash = createHash("sha256").update(scripts[0]!).digest("base64");
    expect(csp).toContain(`script-src 'sha256-${hash}';`);
    expect(csp).not.toMatch(/unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe/);
  });

  it("R-PUB-4 a document never downloaded has no file yet: the page says so and offers no check", async () => {
    const doc = await docOf(fx.certificate["YY-0107"]!);
    expect(doc.pdfSha256).toBeNull();
    const { html } = await page(doc.token);
    expect(html).toContain("尚未生成");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("fc-file");
  });

  it("R-PUB-4 a revoked document still shows the issued file's hash; its download is drawn afresh, marked 已撤销 and signed, not the stored file", async () => {
    const id = fx.certificate["YY-0105"]!;
    const issued = await docOf(id);
    const { callerAs } = await import("../helpers/fixtures");
    await (await callerAs(database.db, "gzjly")).certificates.reissue({ id, reason: "核对文件测试" });
    const revokedPdf = await download("yyqy", id);
    expect(sha256(revokedPdf)).not.toBe(issued.pdfSha256);
    expect(pdfText(revokedPdf)).toContain("本文书已撤销");
    expect(pdfsig(revokedPdf)).toContain("Signature Validation: Signature is Valid.");
    const after = await docOf(id);
    expect(after.pdfSha256).toBe(issued.pdfSha256);
    expect(after.pdfFileId).toBe(issued.pdfFileId);
    expect((await page(issued.token)).html).toContain(issued.pdfSha256!);
  });
});
