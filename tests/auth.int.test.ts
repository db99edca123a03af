import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/server/auth/session-user";
import { endSessions, SIGN_IN_MESSAGES, signIn } from "@/server/auth/sign-in";
import type { Database } from "@/server/db/open";
import { loginAttempts, users } from "@/server/db/schema";
import { DEMO_PASSWORD } from "@/server/seed/demo";
import { openTestDb } from "./helpers/db";
import { callerAs } from "./helpers/fixtures";

let database: Database;
beforeAll(async () => {
  database = await openTestDb();
});
afterAll(() => database?.close());

describe("sign-in", () => {
  it("R-ACC-2 a demo account signs in with its password; the name is case-insensitive", async () => {
    const r = await signIn(database.db, { username: " GZJLY ", password: DEMO_PASSWORD, ip: "127.0.0.9" });
    expect(r.ok).toBe(true);
  });

  it("R-ACC-2 wrong password and unknown user get the same Chinese message", async () => {
    const a = await signIn(database.db, { username: "yyqy", password: "Wrong@2026" });
    const b = await signIn(database.db, { username: "nosuchuser", password: "Wrong@2026" });
    expect(a).toEqual({ ok: false, reason: "bad_credentials", message: SIGN_IN_MESSAGES.bad });
    expect(b).toEqual(a);
    await signIn(database.db, { username: "yyqy", password: DEMO_PASSWORD }); // resets the counter
  });

  it("R-ACC-2 locks the account on the 5th failure, refuses the 6th even with the right password, logs every attempt", async () => {
    const { db } = database;
    const t = new Date("2026-11-23T08:00:00Z");
    for (let i = 1; i <= 4; i++) {
      expect((await signIn(db, { username: "byjls", password: `Wrong@${i}xx` }, t)).ok).toBe(false);
    }
    const fifth = await signIn(db, { username: "byjls", password: "Wrong@5xx" }, t);
    expect(fifth).toMatchObject({ ok: false, reason: "locked" });
    const sixth = await signIn(db, { username: "byjls", password: DEMO_PASSWORD }, new Date(t.getTime() + 60_000));
    expect(sixth).toMatchObject({ ok: false, reason: "locked" });
    if (!sixth.ok) expect(sixth.message).toContain("请 14 分钟后再试");
    const after = await signIn(db, { username: "byjls", password: DEMO_PASSWORD }, new Date(t.getTime() + 15 * 60_000 + 1));
    expect(after.ok).toBe(true);
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, "byjls"));
    const [{ n }] = (await db.select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.userId, u!.id))) as [{ n: number }];
    expect(n).toBe(7);
    const [{ locked }] = (await db
      .select({ locked: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.userId, u!.id), eq(loginAttempts.reason, "locked")))) as [{ locked: number }];
    expect(locked).toBe(1);
  });

  it("refuses malformed input without touching the database state", async () => {
    expect(await signIn(database.db, { username: 42, password: null })).toMatchObject({ ok: false, reason: "malformed" });
    expect(await signIn(database.db, { username: "admin", password: "x".repeat(500) })).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("R-ACC-5 sign-out ends every session token of the user", async () => {
    const { db } = database;
    const r = await signIn(db, { username: "jyzqy", password: DEMO_PASSWORD });
    if (!r.ok) throw new Error("sign-in failed");
    expect(await loadSessionUser(db, r.userId, r.sessionVersion)).not.toBeNull();
    await endSessions(db, r.userId);
    expect(await loadSessionUser(db, r.userId, r.sessionVersion)).toBeNull();
  });

  it("a disabled account cannot sign in and its session is nobody", async () => {
    const { db } = database;
    await db.update(users).set({ active: false }).where(eq(users.username, "sqjg"));
    const r = await signIn(db, { username: "sqjg", password: DEMO_PASSWORD });
    expect(r).toMatchObject({ ok: false, reason: "disabled" });
    // Without the password a disabled account answers exactly like an unknown name (R-ACC-2, issue 9 #8).
    const wrong = await signIn(db, { username: "sqjg", password: "Wrong@2026" });
    const unknown = await signIn(db, { username: "nosuchuser1", password: "Wrong@2026" });
    expect(wrong).toEqual({ ok: false, reason: "bad_credentials", message: "用户名或密码错误" });
    expect(unknown).toEqual(wrong);
    const caller = await callerAs(db, "sqjg");
    await expect(caller.me.home()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await db.update(users).set({ active: true }).where(eq(users.username, "sqjg"));
  });
});

describe("errors reaching users", () => {
  it("a malformed input is BAD_REQUEST with a Chinese message and no stack", async () => {
    const caller = await callerAs(database.db, null);
    const err = await caller.region.children({ parentCode: "abc" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect(String((err as Error).message)).toMatch(/行政区划代码/);
  });

  it("R-SCOPE-4 an unknown region is NOT_FOUND", async () => {
    const caller = await callerAs(database.db, null);
    await expect(caller.region.path({ code: "999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await caller.region.path({ code: "440111" })).map((r) => r.name)).toEqual(["广东省", "广州市", "白云区"]);
  });

  it("R-CAT-3 an administrator previews and imports a catalogue CSV as a new version", async () => {
    const caller = await callerAs(database.db, "admin");
    const csv = "item_name,kind_name,supervision,purposes,regime,period_months\n燃油加油机,燃油加油机,V,贸易结算,periodic,6\n坏行,坏行,Q,,,\n";
    const preview = await caller.catalogue.importCsv({ name: "测试版本", csv, commit: true });
    expect(preview.imported).toBe(false);
    expect(preview.errors[0]).toMatchObject({ row: 3, column: "supervision" });
    const ok = await caller.catalogue.importCsv({ name: "测试版本", csv: csv.split("\n").slice(0, 2).join("\n"), commit: true });
    expect(ok).toMatchObject({ imported: true, kinds: 1 });
    const current = await caller.catalogue.current();
    expect(current.version?.name).toBe("测试版本");
    expect(current.kinds).toHaveLength(1);
  });
});
