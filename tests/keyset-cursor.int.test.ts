import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { openTestDb } from "./helpers/db";
import { callerAs } from "./helpers/fixtures";

let database: Database;
beforeAll(async () => {
  database = await openTestDb();
});
afterAll(async () => {
  await database?.close();
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** The error a call ends with: its tRPC code and message, or "ok". */
async function failure(call: () => Promise<unknown>) {
  try {
    await call();
    return { code: "ok", message: "" };
  } catch (err) {
    return { code: (err as { code?: string }).code ?? "?", message: String((err as Error).message) };
  }
}

describe("issue 9 item 8: a tampered keyset cursor is a bad request (分页参数无效), never a 500", () => {
  it("ledger.list refuses a made-up cursor for every sort", async () => {
    const api = await callerAs(database.db, "jyzqy");
    const first = await api.ledger.list({ sort: "newest", limit: 2 });
    expect(first.items.length).toBe(2);
    expect(first.nextCursor).not.toBeNull();
    // The genuine cursor still pages on.
    const second = await api.ledger.list({ sort: "newest", limit: 2, cursor: first.nextCursor });
    expect(second.items[0]!.id).toBeLessThan(first.items[1]!.id);

    const tampered = [
      { sort: "newest", cursor: b64(["x", "abc"]) },
      { sort: "name", cursor: b64(["x", "abc"]) },
      { sort: "validUntil", cursor: b64(["not-a-day", 1]) },
      { sort: "validUntil", cursor: b64(["2026-13-45", 1]) },
      { sort: "newest", cursor: b64({ id: 1 }) },
      { sort: "newest", cursor: "%%%not-base64%%%" },
    ] as const;
    for (const t of tampered) {
      const r = await failure(() => api.ledger.list({ sort: t.sort, limit: 5, cursor: t.cursor }));
      expect(r, JSON.stringify(t)).toMatchObject({ code: "BAD_REQUEST" });
      expect(r.message).toContain("分页参数无效");
      expect(r.message).not.toMatch(/select|where|instruments/i);
    }
  });

  it("the id-cursor lists (filing.queue, admin.users) refuse a cursor that is not a row id", async () => {
    const institution = await callerAs(database.db, "gzjly");
    expect((await institution.filing.queue({ limit: 50 })).items.length).toBeGreaterThan(0);
    const admin = await callerAs(database.db, "admin");
    for (const cursor of ["abc", 1.5, -3, 2 ** 60]) {
      for (const call of [
        () => institution.filing.queue({ limit: 5, cursor: cursor as number }),
        () => admin.admin.users({ limit: 5, cursor: cursor as number }),
      ]) {
        const r = await failure(call);
        expect(r, String(cursor)).toMatchObject({ code: "BAD_REQUEST" });
        expect(r.message).toContain("分页参数无效");
      }
    }
  });
});
