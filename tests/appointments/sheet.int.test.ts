import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { openTestDb } from "../helpers/db";
import { type Fixtures, type Foreign, loadFixtures, seedForeign } from "../helpers/fixtures";
import { decodeIn, pdfText, renderPage } from "../helpers/pdf-codes";
import { sessionCookie } from "../helpers/session-cookie";

/**
 * R-APT-7 预约单 PDF through the real route handler: who may download it (R-SCOPE-4), and what is on the page —
 * Chinese text from the embedded subset font, the number as a QR code and as a Code 128 barcode that decode
 * from the rendered page.
 */
process.env.NEXTAUTH_SECRET = "test-secret-for-appointment-sheet";
const { GET } = await import("@/app/api/appointments/[id]/sheet/route");

let database: Database;
let fx: Fixtures;
let ff: Foreign;
beforeAll(async () => {
  database = await openTestDb();
  (globalThis as unknown as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
  fx = await loadFixtures(database.db);
  ff = await seedForeign(database.db, fx);
});
afterAll(() => database?.close());

async function sheetAs(username: string | null, id: number | string) {
  const headers: Record<string, string> = {};
  if (username) headers.cookie = await sessionCookie(fx.user[username]!);
  return GET(new Request(`http://localhost/api/appointments/${id}/sheet`, { headers }), { params: Promise.resolve({ id: String(id) }) });
}

describe("R-APT-7 appointment sheet PDF", () => {
  it("R-APT-7 the PDF shows the appointment in Chinese with a QR code and a Code 128 barcode of its number", async () => {
    const res = await sheetAs("yyqy", fx.appointment["YY-0101"]!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Subset font: far below the 8.4 MB font file.
    expect(pdf.length).toBeLessThan(200_000);
    const text = pdfText(pdf);
    expect(text).toContain("计量器具强制检定预约单");
    expect(text).toContain("广州市计量检测技术研究院");
    expect(text).toContain("YY-0101");
    const number = /S\d{14}/.exec(text)?.[0];
    expect(number).toBeTruthy();
    const page = renderPage(pdf, 1, 150);
    const px = (pt: number) => Math.round((pt * 150) / 72);
    // QR at the top right, barcode under the title (src/server/pdf/appointment-sheet.ts layout).
    expect(decodeIn(page, "qr", { left: px(420), top: px(20), width: px(160), height: px(140) })).toBe(number);
    expect(decodeIn(page, "code128", { left: px(20), top: px(60), width: px(360), height: px(70) })).toBe(number);
  });

  it("R-SCOPE-4 the sheet answers the enterprise and the institution of the appointment; everyone else gets 404", async () => {
    const id = fx.appointment["YY-0004"]!;
    expect((await sheetAs("jyzqy", id)).status).toBe(200);
    expect((await sheetAs("byjls", id)).status).toBe(200);
    for (const who of ["yyqy", "gzjly", "sqjg"]) expect((await sheetAs(who, id)).status, who).toBe(404);
    expect((await sheetAs("jyzqy", ff.appointment.confirmed)).status).toBe(404);
    expect((await sheetAs("jyzqy", "abc")).status).toBe(404);
    expect((await sheetAs("gzscjg", id)).status).toBe(403);
    expect((await sheetAs(null, id)).status).toBe(401);
  });

  it("R-APT-7 a draft has no number yet: no sheet, a clear Chinese answer", async () => {
    const res = await sheetAs("jyzqy", fx.appointment["YY-0003"]!);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain("提交后才能打印");
  });
});
