/**
 * The real route handler of the Excel import, `POST /api/ledger/import`, with a multipart body and a signed
 * session cookie: the upload is read with one copy (issue 14 item 3, src/server/http/multipart.ts) and must
 * answer as the FormData reading did — preview, confirm, the same file again, and the refusals.
 */
import { and, count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerWorkbook, sampleRows } from "../scripts/ledger/sample-file";
import type { Database } from "@/server/db/open";
import { instruments, ledgerImports, users } from "@/server/db/schema";
import { openTestDb } from "./helpers/db";
import { type Fixtures, loadFixtures } from "./helpers/fixtures";
import { sessionCookie } from "./helpers/session-cookie";

process.env.NEXTAUTH_SECRET = "test-secret-for-import-http";
const { POST } = await import("@/app/api/ledger/import/route");

let database: Database;
let fx: Fixtures;
let cookie: string;
beforeAll(async () => {
  database = await openTestDb();
  (globalThis as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
  fx = await loadFixtures(database.db);
  const [u] = await database.db.select().from(users).where(eq(users.id, fx.user.jyzqy!));
  cookie = await sessionCookie(u!.id, u!.sessionVersion);
});
afterAll(() => database?.close());

const headers = () => ({ cookie, origin: "http://localhost:3000", host: "localhost:3000" });
function post(mode: string, bytes: Uint8Array | null, name = "台账 一月.xlsx") {
  const form = new FormData();
  form.set("mode", mode);
  if (bytes) form.set("file", new File([Buffer.from(bytes)], name));
  return POST(new Request("http://localhost:3000/api/ledger/import", { method: "POST", headers: headers(), body: form }));
}
/** The NDJSON answer's last line. */
async function result(res: Response) {
  expect(res.status).toBe(200);
  const lines = (await res.text()).trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

describe("R-LED-5 POST /api/ledger/import (issue 14 item 3: upload read with one copy)", () => {
  it("R-LED-5 previews, confirms, and takes the same file again as already imported", async () => {
    const bytes = new Uint8Array(await ledgerWorkbook(sampleRows(30, 3, "HTTPIMP")));
    const check = await result(await post("check", bytes));
    expect(check).toMatchObject({ type: "result", fileName: "台账 一月.xlsx", totalRows: 30, validRows: 27, errorRows: 3, alreadyImported: false });
    const commit = await result(await post("commit", bytes));
    expect(commit).toMatchObject({ type: "result", inserted: 27, alreadyImported: false });
    const [imp] = await database.db.select().from(ledgerImports).where(eq(ledgerImports.id, Number(commit.importId)));
    expect(imp!.fileName).toBe("台账 一月.xlsx");
    const [n] = await database.db.select({ n: count() }).from(instruments).where(and(eq(instruments.enterpriseId, imp!.enterpriseId), like(instruments.serialNo, "HTTPIMP-%")));
    expect(n!.n).toBe(27);
    expect(await result(await post("commit", bytes))).toMatchObject({ inserted: 0, alreadyImported: true });
    const rows = (await (await post("rows", bytes)).json()) as { rows: unknown[] };
    expect(rows.rows).toHaveLength(30);
  });

  it("R-LED-5 refuses a post without a file, a body that is not multipart, and a file over 50 MB, in Chinese", async () => {
    const noFile = await post("check", null);
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { message: string }).message).toBe("请选择要上传的文件");
    const json = await POST(new Request("http://localhost:3000/api/ledger/import", { method: "POST", headers: { ...headers(), "content-type": "application/json" }, body: "{}" }));
    expect(json.status).toBe(400);
    expect(((await json.json()) as { message: string }).message).toBe("请选择要上传的文件");
    const big = await post("check", new Uint8Array(50 * 1024 * 1024 + 1));
    expect(big.status).toBe(400);
    expect(((await big.json()) as { message: string }).message).toMatch(/过大，不超过 50 MB/);
  });
});
