import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { openTestDb } from "../helpers/db";
import { type Fixtures, type Foreign, loadFixtures, seedForeign } from "../helpers/fixtures";
import { sessionCookie } from "../helpers/session-cookie";

/**
 * R-SCOPE-1…4 for route handlers (not tRPC procedures): the real GET handlers, signed in with a session
 * cookie minted by next-auth, reading the test database. Export: each enterprise's export must have rows and
 * must not change when a foreign enterprise's instruments are added; the foreign enterprise's own export
 * lists them (so only the scope filter keeps them out of the others). Download: an attachment of a foreign
 * instrument is 404 for every demo account, and served to its owner and the administrator.
 */
process.env.NEXTAUTH_SECRET = "test-secret-for-export-scope";
process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "qjt-scope-uploads-"));
const { GET } = await import("@/app/api/ledger/export/route");
const { GET: download } = await import("@/app/api/ledger/attachments/[id]/route");
const { storeUpload } = await import("@/server/files/store");
const { instrumentAttachments, users } = await import("@/server/db/schema");
const { DEMO_USERS } = await import("@/server/seed/demo");

let database: Database;
let fx: Fixtures;
let ff: Foreign;
const before = new Map<string, string[][]>();

async function cookieOf(username: string) {
  return { cookie: await sessionCookie(fx.user[username]!) };
}

async function exportAs(username: string, query = ""): Promise<string[][]> {
  const res = await GET(new Request(`http://localhost/api/ledger/export${query}`, { headers: await cookieOf(username) }));
  expect(res.status, `${username} export`).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? "")));
  });
  return rows;
}

const ENTERPRISES = ["jyzqy", "yyqy"];
const QUERIES = ["", "?bucket=due"];

beforeAll(async () => {
  database = await openTestDb();
  (globalThis as unknown as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
  fx = await loadFixtures(database.db);
  for (const u of ENTERPRISES) for (const q of QUERIES) before.set(`${u}${q}`, await exportAs(u, q));
  ff = await seedForeign(database.db, fx);
  const rows = await database.db.select({ id: users.id, username: users.username }).from(users);
  for (const r of rows) fx.user[r.username] = r.id;
  attachment.foreign = await attach(ff.instrument.filed, ff.org.enterprise);
  attachment.own = await attach(fx.instrument["stationEnterprise:TZ-JYJ-0005"]!, fx.org.stationEnterprise!);
}, 120_000);

const attachment = { foreign: 0, own: 0 };
async function attach(instrumentId: number, orgId: number) {
  const bytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const file = await storeUpload(database.db, { name: "说明书.pdf", bytes }, { kinds: ["pdf"], maxBytes: 1024 }, { userId: null, orgId });
  const [row] = await database.db.insert(instrumentAttachments).values({ instrumentId, fileId: file.id, size: bytes.byteLength }).returning({ id: instrumentAttachments.id });
  return row!.id;
}
async function downloadAs(username: string, id: number) {
  const res = await download(new Request(`http://localhost/api/ledger/attachments/${id}`, { headers: await cookieOf(username) }), { params: Promise.resolve({ id: String(id) }) });
  return res.status;
}
afterAll(async () => {
  (globalThis as unknown as { __qjtDb?: unknown }).__qjtDb = undefined;
  await database?.close();
});

describe("R-SCOPE-1 ledger export with foreign records present", () => {
  for (const u of ENTERPRISES) {
    for (const q of QUERIES) {
      it(`R-SCOPE-1 ${u}'s export${q} has rows and is the same with a foreign enterprise's instruments added`, async () => {
        const now = await exportAs(u, q);
        expect(now.length).toBeGreaterThan(0);
        expect(JSON.stringify(now)).not.toContain(ff.marker);
        expect(now).toEqual(before.get(`${u}${q}`));
      });
    }
  }

  it("R-SCOPE-1 the foreign enterprise's own export lists its instruments (the witness)", async () => {
    const rows = await exportAs(ff.user.enterprise);
    expect(rows.length).toBe(Object.keys(ff.instrument).length);
    expect(JSON.stringify(rows)).toContain(ff.marker);
  });
});

describe("R-SCOPE-4 attachment downloads with foreign records present", () => {
  it("R-SCOPE-4 a foreign instrument's attachment is 404 for every demo account", async () => {
    const got = Object.fromEntries(await Promise.all(DEMO_USERS.filter((u) => u.username !== "admin").map(async (u) => [u.username, await downloadAs(u.username, attachment.foreign)] as const)));
    expect(Object.keys(got).length).toBeGreaterThan(5);
    expect(Object.values(got).every((s) => s === 404), JSON.stringify(got)).toBe(true);
  });

  it("R-SCOPE-4 the same attachment is served to its owner and the administrator; a demo attachment to its owner, its county institute and regulator", async () => {
    expect(await downloadAs(ff.user.enterprise, attachment.foreign)).toBe(200);
    expect(await downloadAs("admin", attachment.foreign)).toBe(200);
    expect(await downloadAs("jyzqy", attachment.own)).toBe(200);
    expect(await downloadAs("byjls", attachment.own)).toBe(200);
    expect(await downloadAs("byscjg", attachment.own)).toBe(200);
    expect(await downloadAs("yyqy", attachment.own)).toBe(404);
  });
});
