import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCUMENT_VIEW_STATE_LABEL } from "@/lib/vocab";
import type { Database } from "@/server/db/open";
import { auditCount } from "../accounts/helpers";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures, seedForeign } from "../helpers/fixtures";
import { pdfQr, pdfText } from "../helpers/pdf";
import { sessionCookie } from "../helpers/session-cookie";

/**
 * Issue 10 items 7 and 8 through the real route handlers and procedures: the certificate PDF (R-RES-3), the
 * `/v/{token}` answer and tampered tokens (R-PUB-1), re-issue (R-RES-2), the fee gate (R-RES-4), the batch zip
 * and NOT_FOUND outside the reader's own documents (R-SCOPE-4).
 */
process.env.NEXTAUTH_SECRET = "test-secret-for-certificates";
delete process.env.PUBLIC_BASE_URL;
const { GET: pdfRoute } = await import("@/app/api/certificates/[id]/route");
const { GET: zipRoute } = await import("@/app/api/certificates/zip/route");
const { certificates, instruments, users } = await import("@/server/db/schema");
const { certificateByToken } = await import("@/server/services/public/lookups");

let database: Database;
let fx: Fixtures;

async function headersOf(username: string | null): Promise<Record<string, string>> {
  if (!username) return {};
  const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return { cookie: await sessionCookie(u!.id) };
}
async function getPdf(username: string | null, id: number | string) {
  return pdfRoute(new Request(`http://localhost/api/certificates/${id}`, { headers: await headersOf(username) }), { params: Promise.resolve({ id: String(id) }) });
}
async function getZip(username: string | null, ids: (number | string)[]) {
  return zipRoute(new Request(`http://localhost/api/certificates/zip?ids=${ids.join(",")}`, { headers: await headersOf(username) }));
}
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());
/** The `/v/{token}` answer (the public lookup service the page and the direct path use), with its state in words. */
async function verify(token: string) {
  const d = await certificateByToken(database.db, token);
  return d ? { ...d, viewStateLabel: DOCUMENT_VIEW_STATE_LABEL[d.state] } : null;
}

beforeAll(async () => {
  database = await openTestDb();
  (globalThis as unknown as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
  fx = await loadFixtures(database.db);
  fx.foreign = await seedForeign(database.db, fx);
  const rows = await database.db.select({ id: users.id, username: users.username }).from(users);
  for (const r of rows) fx.user[r.username] = r.id;
}, 120_000);
afterAll(async () => {
  (globalThis as unknown as { __qjtDb?: unknown }).__qjtDb = undefined;
  await database?.close();
});

const docOf = async (id: number) => (await database.db.select().from(certificates).where(eq(certificates.id, id)))[0]!;

describe("R-RES-3 the certificate PDF", () => {
  it("R-RES-3 in Chinese, A4, under 200 KB, naming institution, number, instrument, manufacturer, user unit, people and dates", async () => {
    const res = await getPdf("yyqy", fx.certificate["YY-0105"]!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(decodeURIComponent(res.headers.get("content-disposition") ?? "")).toContain("检定证书-");
    const pdf = await bytesOf(res);
    expect(pdf.byteLength).toBeLessThan(200 * 1024);
    const doc = await docOf(fx.certificate["YY-0105"]!);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    const s = doc.snapshot;
    for (const want of ["检定证书", doc.number, s.institution.name, s.instrument.name, s.instrument.model, s.instrument.serialNo, s.instrument.manufacturer, s.userUnit.name, s.verifier, s.checker, s.approver, "有效期至", "合格"]) {
      expect(text, want).toContain(want);
    }
    if (s.institution.authorisationCertNo) expect(text).toContain(s.institution.authorisationCertNo);
    if (s.instrument.instrumentCode) expect(text).toContain(s.instrument.instrumentCode);
    const pages = execFileSync("pdfinfo", [writeTmp(pdf)], { encoding: "utf8" });
    expect(pages).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(pages).toMatch(/Pages:\s+1/);
  });

  it("R-RES-3 R-PUB-1 R-PUB-4 its QR code decodes to the absolute /v/{token} address (PUBLIC_BASE_URL when set, else the first download's origin), fixed in the issued file", async () => {
    const doc = await docOf(fx.certificate["YY-0105"]!);
    const png = path.join(tmpdir(), "qjt-certificate-YY-0105.png");
    // YY-0105 was first downloaded above, from http://localhost: its file keeps that address.
    expect(pdfQr(await bytesOf(await getPdf("yyqy", doc.id)), png)).toBe(`http://localhost/v/${doc.token}`);
    const other = await docOf(fx.certificate["YY-0006"]!);
    expect(other.pdfFileId).toBeNull();
    process.env.PUBLIC_BASE_URL = "https://qjt.example.cn/";
    try {
      expect(pdfQr(await bytesOf(await getPdf("byjls", other.id)))).toBe(`https://qjt.example.cn/v/${other.token}`);
      expect(pdfQr(await bytesOf(await getPdf("gzjly", doc.id)))).toBe(`http://localhost/v/${doc.token}`);
    } finally {
      delete process.env.PUBLIC_BASE_URL;
    }
    expect(pdfQr(await bytesOf(await getPdf("jyzqy", other.id)))).toBe(`https://qjt.example.cn/v/${other.token}`);
  });

  it("R-RES-3 a fail notice is titled 检定结果通知书 and says 不合格", async () => {
    const res = await getPdf("yyqy", fx.certificate["YY-0106"]!);
    expect(res.status).toBe(200);
    const text = pdfText(await bytesOf(res)).replace(/\s+/g, " ");
    expect(text).toContain("检定结果通知书");
    expect(text).toContain("不合格");
    expect(text).not.toContain("有效期至");
  });
});

function writeTmp(bytes: Uint8Array, name = "doc.pdf") {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "qjt-cert-")), name);
  writeFileSync(file, bytes);
  return file;
}

describe("R-PUB-1 /v/{token} lookup", () => {
  it("R-PUB-1 a token answers the document's state, number, instrument and institution without sign-in", async () => {
    const d = await verify(fx.certificateToken["YY-0105"]!);
    const doc = await docOf(fx.certificate["YY-0105"]!);
    expect(d).toMatchObject({ number: doc.number, instrument: { name: doc.snapshot.instrument.name }, institution: { name: doc.snapshot.institution.name } });
    expect(["有效", "即将到期", "已过期"]).toContain(d!.viewStateLabel);
    expect((await verify(fx.certificateToken["YY-0106"]!))!.viewStateLabel).toBe("不合格");
  });

  it("R-PUB-1 a tampered token (any one character changed), a truncated or malformed one, matches nothing", async () => {
    const token = fx.certificateToken["YY-0105"]!;
    for (let i = 0; i < token.length; i++) {
      const c = token[i] === "A" ? "B" : "A";
      expect(await verify(token.slice(0, i) + c + token.slice(i + 1))).toBeNull();
    }
    for (const bad of [token.slice(0, -1), `${token}A`, token.toLowerCase() === token ? token.toUpperCase() : token.toLowerCase(), "", "' or 1=1 --", fx.certificate["YY-0105"]!.toString(), (await docOf(fx.certificate["YY-0105"]!)).number]) {
      expect(await verify(bad), bad).toBeNull();
    }
  });
});

describe("R-SCOPE-4 downloads outside the reader's own documents are not found", () => {
  it("R-SCOPE-4 other enterprise's, other institution's, foreign and unknown documents answer 404; wrong roles 403; anonymous 401", async () => {
    expect((await getPdf("yyqy", fx.certificate["YY-0006"]!)).status).toBe(404);
    expect((await getPdf("jyzqy", fx.certificate["YY-0105"]!)).status).toBe(404);
    expect((await getPdf("byjls", fx.certificate["YY-0105"]!)).status).toBe(404);
    expect((await getPdf("sqjg", fx.certificate["YY-0105"]!)).status).toBe(404);
    expect((await getPdf("gzjly", fx.foreign!.certificate)).status).toBe(404);
    expect((await getPdf("yyqy", fx.foreign!.certificate)).status).toBe(404);
    expect((await getPdf("yyqy", 987654321)).status).toBe(404);
    expect((await getPdf("yyqy", "abc")).status).toBe(404);
    expect((await getPdf("gzscjg", fx.certificate["YY-0105"]!)).status).toBe(403);
    expect((await getPdf("admin", fx.certificate["YY-0105"]!)).status).toBe(403);
    expect((await getPdf(null, fx.certificate["YY-0105"]!)).status).toBe(401);
    // The owner, the issuer and the foreign owner each get theirs: only scope keeps the others out.
    expect((await getPdf("jyzqy", fx.certificate["YY-0006"]!)).status).toBe(200);
    expect((await getPdf("byjls", fx.certificate["YY-0006"]!)).status).toBe(200);
    expect((await getPdf(fx.foreign!.user.enterprise, fx.foreign!.certificate)).status).toBe(200);
  });

  it("R-SCOPE-4 a batch with one document outside the reader's own is 404 as a whole", async () => {
    expect((await getZip("yyqy", [fx.certificate["YY-0105"]!, fx.certificate["YY-0006"]!])).status).toBe(404);
    expect((await getZip("gzjly", [fx.certificate["YY-0105"]!, fx.foreign!.certificate])).status).toBe(404);
    expect((await getZip("yyqy", [])).status).toBe(400);
  });
});

describe("issue 10 item 7: a batch downloads as one zip", () => {
  it("issue 10 item 7 the zip holds one PDF per selected document, named by title and number, each with its QR", async () => {
    const ids = [fx.certificate["YY-0105"]!, fx.certificate["YY-0106"]!];
    const res = await getZip("yyqy", ids);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const file = writeTmp(await bytesOf(res), "batch.zip");
    const names = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
    const docs = await Promise.all(ids.map(docOf));
    expect(names).toEqual([`检定证书-${docs[0]!.number}.pdf`, `检定结果通知书-${docs[1]!.number}.pdf`]);
    const dir = path.dirname(file);
    execFileSync("unzip", ["-q", file, "-d", dir]);
    for (const [i, name] of names.entries()) {
      const pdf = readFileSync(path.join(dir, name));
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdfQr(pdf)).toBe(`http://localhost/v/${docs[i]!.token}`);
    }
  });
});

describe("R-RES-4 fees gate the enterprise's download", () => {
  it("R-RES-4 unpaid: the enterprise is refused with the amount and why (also in a batch), the list says 待缴费; the institution may download", async () => {
    const id = fx.certificate["YY-0107"]!;
    const res = await getPdf("yyqy", id);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { message: string };
    expect(body.message).toContain("待缴费");
    expect(body.message).toContain("80.00 元");
    expect((await getZip("yyqy", [fx.certificate["YY-0105"]!, id])).status).toBe(403);
    expect((await getPdf("gzjly", id)).status).toBe(200);
    const list = await (await callerAs(database.db, "yyqy")).certificates.list({ instrumentId: fx.instrument["YY-0107"] });
    expect(list.items[0]).toMatchObject({ id, fee: "unpaid" });
    expect(list.items[0]!.blocked).toContain("待缴费");
  });

  it("R-RES-4 the institution marks the fee paid (audited), then the enterprise downloads; a paid fee can no longer be changed", async () => {
    const gz = await callerAs(database.db, "gzjly");
    const resultId = fx.result["YY-0107"]!;
    await gz.certificates.markFeePaid({ resultId });
    expect(await auditCount(database.db, "result.fee_paid", resultId)).toBe(1);
    expect((await getPdf("yyqy", fx.certificate["YY-0107"]!)).status).toBe(200);
    await expect(gz.certificates.setFee({ resultId, amount: "10.00" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(gz.certificates.markFeePaid({ resultId })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("R-RES-4 a newly recorded fee (元, two decimals → 分) blocks until paid; removing it unblocks", async () => {
    const gz = await callerAs(database.db, "gzjly");
    const resultId = fx.result["YY-0105"]!;
    expect(await gz.certificates.setFee({ resultId, amount: "12.5", note: "加急费" })).toMatchObject({ feeCents: 1250, feeNote: "加急费" });
    expect(await auditCount(database.db, "result.fee_set", resultId)).toBe(1);
    const res = await getPdf("yyqy", fx.certificate["YY-0105"]!);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toContain("12.50 元（加急费）");
    await expect(gz.certificates.setFee({ resultId, amount: "0" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await gz.certificates.setFee({ resultId, amount: null });
    expect((await getPdf("yyqy", fx.certificate["YY-0105"]!)).status).toBe(200);
  });
});

describe("R-RES-2 re-issue = revoke and issue anew", () => {
  it("R-RES-2 the old document keeps its number as 已撤销 (reason recorded), the new one has a new number and token and replaces it; both audited", async () => {
    const gz = await callerAs(database.db, "gzjly");
    const oldId = fx.certificate["YY-0105"]!;
    const old = await docOf(oldId);
    const r = await gz.certificates.reissue({ id: oldId, reason: "使用单位名称填写有误" });
    const revoked = await docOf(oldId);
    const fresh = await docOf(r.id);
    expect(revoked).toMatchObject({ state: "revoked", number: old.number, revokeReason: "使用单位名称填写有误" });
    expect(fresh).toMatchObject({ state: "issued", resultId: old.resultId, replacesId: oldId, kind: "certificate" });
    expect(fresh.number).not.toBe(old.number);
    expect(fresh.token).not.toBe(old.token);
    expect(await auditCount(database.db, "certificate.revoke", oldId)).toBe(1);
    expect(await auditCount(database.db, "certificate.issue", r.id)).toBe(1);
    const [ins] = await database.db.select({ certificateNo: instruments.certificateNo }).from(instruments).where(eq(instruments.id, old.instrumentId));
    expect(ins!.certificateNo).toBe(fresh.number);
    expect((await verify(old.token))!.viewStateLabel).toBe("已撤销");
    expect((await verify(fresh.token))!.number).toBe(fresh.number);
    // The revoked PDF still downloads for the record, marked 已撤销.
    expect(pdfText(await bytesOf(await getPdf("yyqy", oldId)))).toContain("本文书已撤销");
  });

  it("R-RES-2 a revoked document cannot be re-issued again; nothing changes", async () => {
    const gz = await callerAs(database.db, "gzjly");
    const before = await database.db.select({ id: certificates.id }).from(certificates);
    await expect(gz.certificates.reissue({ id: fx.certificate["YY-0105"]!, reason: "再次重新出具" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await database.db.select({ id: certificates.id }).from(certificates)).length).toBe(before.length);
  });

  it("R-RES-2 another institution cannot re-issue it (NOT_FOUND), and nothing is revoked", async () => {
    const by = await callerAs(database.db, "byjls");
    await expect(by.certificates.reissue({ id: fx.certificate["YY-0106"]!, reason: "越权测试" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [d] = await database.db.select({ state: certificates.state }).from(certificates).where(and(eq(certificates.id, fx.certificate["YY-0106"]!)));
    expect(d!.state).toBe("issued");
  });
});
