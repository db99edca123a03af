import ExcelJS from "exceljs";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { openTestDb } from "../helpers/db";
import { type Fixtures, type Foreign, loadFixtures, seedForeign } from "../helpers/fixtures";

/**
 * R-SCOPE-1 for the ledger export (a route handler, not a tRPC procedure): the real GET handler, signed in
 * with a session cookie minted by next-auth, reading the test database. Each enterprise's export must have
 * rows and must not change when a foreign enterprise's instruments are added; the foreign enterprise's own
 * export lists them (so only the scope filter keeps them out of the others).
 */
process.env.NEXTAUTH_SECRET = "test-secret-for-export-scope";
const { GET } = await import("@/app/api/ledger/export/route");

let database: Database;
let fx: Fixtures;
let ff: Foreign;
const before = new Map<string, string[][]>();

async function exportAs(username: string, query = ""): Promise<string[][]> {
  const token = await encode({ token: { uid: fx.user[username], sv: 1 }, secret: process.env.NEXTAUTH_SECRET!, maxAge: 600 });
  const res = await GET(new Request(`http://localhost/api/ledger/export${query}`, { headers: { cookie: `next-auth.session-token=${token}` } }));
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
  const { users } = await import("@/server/db/schema");
  const rows = await database.db.select({ id: users.id, username: users.username }).from(users);
  for (const r of rows) fx.user[r.username] = r.id;
}, 120_000);
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
