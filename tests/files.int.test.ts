import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { files } from "@/server/db/schema";
import { readUpload, storeUpload } from "@/server/files/store";
import { openTestDb } from "./helpers/db";

let database: Database;
beforeAll(async () => {
  process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "qjt-uploads-"));
  database = await openTestDb();
});
afterAll(() => database?.close());

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const rules = { kinds: ["pdf" as const, "png" as const], maxBytes: 1024 };
const owner = { userId: null, orgId: null };

describe("upload storage", () => {
  it("stores a file under a random id, typed by content, and reads it back", async () => {
    const stored = await storeUpload(database.db, { name: "营业执照.png", bytes: PDF }, rules, owner);
    expect(stored.id).toMatch(/^[0-9a-f]{32}$/);
    expect(stored).toMatchObject({ mime: "application/pdf", ext: "pdf", originalName: "营业执照.png", size: PDF.byteLength });
    const back = await readUpload(database.db, stored.id);
    expect(Buffer.compare(back.bytes, Buffer.from(PDF))).toBe(0);
  });

  it("refuses a wrong type or an oversize file with a Chinese message and stores nothing", async () => {
    const [{ before }] = (await database.db.select({ before: count() }).from(files)) as [{ before: number }];
    await expect(storeUpload(database.db, { name: "a.pdf", bytes: new TextEncoder().encode("MZ not a pdf") }, rules, owner)).rejects.toThrow(/类型不受支持/);
    await expect(storeUpload(database.db, { name: "big.pdf", bytes: new Uint8Array(2048) }, rules, owner)).rejects.toThrow(/过大/);
    const [{ after }] = (await database.db.select({ after: count() }).from(files)) as [{ after: number }];
    expect(after).toBe(before);
  });

  it("a malformed id is not found", async () => {
    await expect(readUpload(database.db, "../../etc/passwd")).rejects.toMatchObject({ appCode: "NOT_FOUND" });
  });
});
