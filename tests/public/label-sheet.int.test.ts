import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { instruments } from "@/server/db/schema";
import { labelGeometry } from "@/server/domain/public/label-layout";
import { labelRows, labelSheetPdf } from "@/server/services/public/label-sheet";
import { openTestDb } from "../helpers/db";
import { type Fixtures, loadFixtures } from "../helpers/fixtures";
import { decodeQr, renderPdf } from "../helpers/qr";
import { sessionCookie } from "../helpers/session-cookie";

process.env.NEXTAUTH_SECRET = "test-secret-for-labels";
const { GET } = await import("@/app/api/labels/route");

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
  (globalThis as unknown as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
});

async function labelsAs(username: string | null, query: string) {
  const headers: Record<string, string> = {};
  if (username) headers.cookie = await sessionCookie(fx.user[username]!);
  return GET(new Request(`http://localhost/api/labels${query}`, { headers }));
}
afterAll(() => database?.close());

const enterprise = (orgId: number) => ({ kind: "enterprise" as const, orgId });

describe("R-PUB-3 label sheets: the QR of every label opens that instrument's /i/ page", () => {
  it("R-PUB-3 an A4 sheet of 3 × 8: each label's QR decodes to /i/{its token}; the 25th is on page 2", async () => {
    const owner = (await database.db.select({ e: instruments.enterpriseId }).from(instruments).where(eq(instruments.id, fx.instrument["YY-0105"]!)))[0]!.e;
    const mine = await database.db.select({ id: instruments.id, token: instruments.labelToken, status: instruments.filingStatus }).from(instruments).where(eq(instruments.enterpriseId, owner));
    const filed = mine.filter((m) => m.token).slice(0, 25);
    expect(filed.length).toBeGreaterThanOrEqual(3);
    const rows = await labelRows(database.db, enterprise(owner), filed.map((f) => f.id));
    const pdf = await labelSheetPdf(rows, "a4", "https://qjt.example.cn");
    const pages = renderPdf(pdf, 150);
    const g = labelGeometry("a4", rows.length);
    expect(pages).toHaveLength(Math.ceil(rows.length / 24));
    rows.forEach((r, i) => {
      const b = g.boxes[i]!;
      const img = pages[b.page]!;
      const text = decodeQr(img, { x: b.x / g.pageWidth, y: b.y / g.pageHeight, width: b.width / g.pageWidth, height: b.height / g.pageHeight });
      expect(text).toBe(`https://qjt.example.cn/i/${r.labelToken}`);
    });
  });

  it("R-PUB-3 a thermal label (50 × 30 mm) reprints one instrument", async () => {
    const owner = (await database.db.select({ e: instruments.enterpriseId }).from(instruments).where(eq(instruments.id, fx.instrument["YY-0105"]!)))[0]!.e;
    const rows = await labelRows(database.db, enterprise(owner), [fx.instrument["YY-0105"]!]);
    const pdf = await labelSheetPdf(rows, "thermal", "http://127.0.0.1:3000/");
    const [page] = renderPdf(pdf, 300);
    expect(page!.width / page!.height).toBeCloseTo(50 / 30, 1);
    expect(decodeQr(page!)).toBe(`http://127.0.0.1:3000/i/${rows[0]!.labelToken}`);
  });

  it("R-SCOPE-1 another enterprise's instrument, or an unfiled one, is refused for the whole sheet", async () => {
    const owner = (await database.db.select({ e: instruments.enterpriseId }).from(instruments).where(eq(instruments.id, fx.instrument["YY-0105"]!)))[0]!.e;
    const other = await database.db.select({ id: instruments.id }).from(instruments).where(inArray(instruments.serialNo, ["YY-0001"]));
    const otherOwner = (await database.db.select({ e: instruments.enterpriseId }).from(instruments).where(eq(instruments.id, other[0]!.id)))[0]!.e;
    expect(otherOwner).not.toBe(owner);
    await expect(labelRows(database.db, enterprise(owner), [fx.instrument["YY-0105"]!, other[0]!.id])).rejects.toMatchObject({ appCode: "NOT_FOUND" });
    await expect(labelRows(database.db, enterprise(owner), [])).rejects.toMatchObject({ appCode: "LABELS_NONE" });
    await expect(labelRows(database.db, enterprise(owner), Array.from({ length: 241 }, (_, i) => i + 1))).rejects.toMatchObject({ appCode: "LABELS_TOO_MANY" });
  });
});

describe("R-PUB-3 / R-SCOPE-1 the label route follows the caller's scope", () => {
  it("R-PUB-3 the owner and the verifying institution get the PDF; another enterprise and a regulator do not; nobody signed in is refused", async () => {
    const id = fx.instrument["YY-0105"]!;
    const own = await labelsAs("yyqy", `?ids=${id}&format=thermal`);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await own.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await labelsAs("gzjly", `?ids=${id}`)).status).toBe(200);
    expect((await labelsAs("jyzqy", `?ids=${id}`)).status).toBe(404);
    expect((await labelsAs("gzscjg", `?ids=${id}`)).status).toBe(403);
    expect((await labelsAs(null, `?ids=${id}`)).status).toBe(401);
    const bad = await labelsAs("yyqy", "?ids=1;drop");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain("请选择已备案的器具");
  });
});
