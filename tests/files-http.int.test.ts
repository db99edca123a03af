/**
 * The real route handlers of issue 9 item 1 and item 8: `POST /api/ledger/instruments/:id/attachments` with a
 * multipart body and a signed session cookie, and the download's Content-Disposition.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { files, instrumentAttachments, users } from "@/server/db/schema";
import { openTestDb } from "./helpers/db";
import { callerAs, type Fixtures, loadFixtures } from "./helpers/fixtures";
import { HOSTILE } from "./helpers/hostile-files";
import { sessionCookie } from "./helpers/session-cookie";

process.env.NEXTAUTH_SECRET = "test-secret-for-files-http";
const uploadDir = mkdtempSync(path.join(tmpdir(), "qjt-uploads-http-"));
process.env.UPLOAD_DIR = uploadDir;
const { POST: upload } = await import("@/app/api/ledger/instruments/[id]/attachments/route");
const { GET: download } = await import("@/app/api/ledger/attachments/[id]/route");

let database: Database;
let fx: Fixtures;
let cookie: string;
let instrumentId: number;
beforeAll(async () => {
  database = await openTestDb();
  // The route handlers' getDb() answers with this test's database.
  (globalThis as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
  fx = await loadFixtures(database.db);
  const [u] = await database.db.select().from(users).where(eq(users.id, fx.user.jyzqy!));
  cookie = await sessionCookie(u!.id, u!.sessionVersion);
  const api = await callerAs(database.db, "jyzqy");
  instrumentId = (
    await api.ledger.create({
      name: "燃油加油机",
      model: "CS46",
      serialNo: "SEC2-http",
      manufacturer: "文件测试厂",
      installLocation: "1号岛",
      countyCode: "440111",
      purpose: "trade",
      method: "on_site",
      kindId: fx.kind["燃油加油机"]!,
    })
  ).id;
});
afterAll(() => database?.close());

function post(name: string, bytes: Uint8Array, slot: "general" | "type_evaluation") {
  const form = new FormData();
  form.set("slot", slot);
  form.set("file", new File([Buffer.from(bytes)], name));
  const req = new Request(`http://localhost:3000/api/ledger/instruments/${instrumentId}/attachments`, {
    method: "POST",
    headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000" },
    body: form,
  });
  return upload(req, { params: Promise.resolve({ id: String(instrumentId) }) });
}
const diskCount = (dir = uploadDir): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, d) => n + (d.isDirectory() ? diskCount(path.join(dir, d.name)) : 1), 0);
const rows = async () => ({
  files: (await database.db.select({ n: count() }).from(files))[0]!.n,
  attachments: (await database.db.select({ n: count() }).from(instrumentAttachments))[0]!.n,
  disk: diskCount(),
});

describe("R-SEC-2 POST /api/ledger/instruments/:id/attachments", () => {
  it.each(HOSTILE.flatMap((f) => (["general", "type_evaluation"] as const).map((slot) => ({ ...f, slot }))))(
    "R-SEC-2 answers 400 with a Chinese message and stores nothing ($slot): $label",
    async (f) => {
      const before = await rows();
      const res = await post(f.name, await f.bytes(), f.slot);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { message: string };
      expect(body.message).toMatch(f.slot === "type_evaluation" && f.name.endsWith(".zip") ? /类型不受支持/ : f.reason);
      expect(await rows()).toEqual(before);
    },
  );

  it("issue 9 item 8 a file sent as ../../x.pdf is stored and downloaded as x.pdf", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const res = await post("../../x.pdf", pdf, "general");
    expect(res.status).toBe(200);
    const att = (await res.json()) as { id: number; name: string };
    expect(att.name).toBe("x.pdf");
    const got = await download(new Request(`http://localhost:3000/api/ledger/attachments/${att.id}`, { headers: { cookie } }), {
      params: Promise.resolve({ id: String(att.id) }),
    });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-disposition")).toBe(`attachment; filename="x.pdf"; filename*=UTF-8''x.pdf`);
  });
});
