import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { memberships, smsCodes, users } from "@/server/db/schema";
import { signIn } from "@/server/auth/sign-in";
import { loadSessionUser } from "@/server/auth/session-user";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome } from "../helpers/fixtures";
import { auditCount, lastCode } from "./helpers";

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

describe("membership (seed 004 2.5)", () => {
  it("the owner approves a personal user's request: the user becomes an enterprise member of that enterprise", async () => {
    const db = database.db;
    const owner = await callerAs(db, "jyzqy");
    const pending = await owner.membership.list({ status: "pending" });
    expect(pending.map((m) => m.username)).toEqual(["grlw"]);
    expect(await outcome(() => owner.membership.approve({ id: fx.membership.grlw! }))).toBe("ok");
    const [u] = await db.select().from(users).where(eq(users.username, "grlw"));
    expect(u).toMatchObject({ role: "enterprise", orgId: fx.org.stationEnterprise });
    expect(await auditCount(db, "membership.approve", fx.membership.grlw!)).toBe(1);
    // As a member they act for the enterprise, but cannot manage members or departments.
    const member = await callerAs(db, "grlw");
    expect(await outcome(() => member.department.list())).toBe("ok");
    expect(await outcome(() => member.department.create({ name: "新部门" }))).toBe("FORBIDDEN");
    expect(await outcome(() => member.membership.remove({ id: fx.membership.grlw! }))).toBe("FORBIDDEN");
  });

  it("the owner removes a member: back to a personal user, sessions ended; the owner cannot be removed", async () => {
    const db = database.db;
    const owner = await callerAs(db, "jyzqy");
    const [before] = await db.select().from(users).where(eq(users.username, "grlw"));
    expect(await outcome(() => owner.membership.remove({ id: fx.membership.grlw! }))).toBe("ok");
    const [after] = await db.select().from(users).where(eq(users.username, "grlw"));
    expect(after).toMatchObject({ role: "personal", orgId: null });
    expect(await loadSessionUser(db, after!.id, before!.sessionVersion)).toBeNull();
    const [own] = await db.select().from(memberships).where(and(eq(memberships.userId, fx.user.jyzqy!), eq(memberships.memberRole, "owner")));
    expect(await outcome(() => owner.membership.remove({ id: own!.id }))).toBe("BAD_REQUEST");
  });

  it("a personal user applies by USCC; bad or unknown USCCs are refused; the owner rejects with a reason", async () => {
    const db = database.db;
    const person = await callerAs(db, "grlw");
    expect(await outcome(() => person.membership.requestJoin({ uscc: "91440106MA5D3M201X" }))).toBe("BAD_REQUEST");
    expect(await outcome(() => person.membership.requestJoin({ uscc: "91440104MA5FFFFF0U" }))).toBe("NOT_FOUND");
    expect(await outcome(() => person.membership.requestJoin({ uscc: "91440106MA5D3M201U" }))).toBe("ok");
    expect(await outcome(() => person.membership.requestJoin({ uscc: "91440111MA59D3M10X" }))).toBe("CONFLICT");
    const hospital = await callerAs(db, "yyqy");
    const [req] = await hospital.membership.list({ status: "pending" });
    expect(req!.username).toBe("grlw");
    expect(await outcome(() => hospital.membership.reject({ id: req!.id, reason: "非本院职工" }))).toBe("ok");
    const mine = await person.membership.mine();
    expect(mine[0]).toMatchObject({ status: "rejected", reason: "非本院职工" });
  });
});

describe("departments (seed 003)", () => {
  it("the owner creates, renames and removes departments of at most 8 characters, unique per enterprise", async () => {
    const db = database.db;
    const owner = await callerAs(db, "jyzqy");
    const created = await owner.department.create({ name: "财务部" });
    expect(await outcome(() => owner.department.create({ name: "财务部" }))).toBe("CONFLICT");
    expect(await outcome(() => owner.department.create({ name: "一二三四五六七八九" }))).toBe("BAD_REQUEST");
    await owner.department.rename({ id: created!.id, name: "财务管理部" });
    expect((await owner.department.list()).map((d) => d.name)).toContain("财务管理部");
    const other = await callerAs(db, "yyqy");
    expect(await outcome(() => other.department.remove({ id: created!.id }))).toBe("NOT_FOUND");
    await owner.department.remove({ id: created!.id });
    expect((await owner.department.list()).map((d) => d.name)).not.toContain("财务管理部");
    expect(await auditCount(db, "department.remove", created!.id)).toBe(1);
  });
});

describe("passwords (R-ACC-2, R-ACC-4)", () => {
  it("R-ACC-4 forgotten password: username + phone + SMS code from the outbox, then a new password", async () => {
    const db = database.db;
    await db.update(users).set({ phone: "13700000001" }).where(eq(users.username, "yyqy"));
    const anon = await callerAs(db, null, "10.2.2.2");
    await anon.account.requestResetCode({ username: "yyqy", phone: "13700000001" });
    const code = await lastCode(db, "13700000001");
    expect(
      await outcome(() => anon.account.resetPassword({ username: "yyqy", phone: "13700000001", code, password: "weak", confirmPassword: "weak" })),
    ).toBe("BAD_REQUEST");
    await anon.account.resetPassword({ username: "yyqy", phone: "13700000001", code, password: "Newpass2026", confirmPassword: "Newpass2026" });
    expect((await signIn(db, { username: "yyqy", password: "Newpass2026" })).ok).toBe(true);
    expect((await signIn(db, { username: "yyqy", password: "Demo@2026" })).ok).toBe(false);
    expect(await auditCount(db, "user.password_reset", fx.user.yyqy!)).toBe(1);
    // The code is good once.
    expect(
      await outcome(() => anon.account.resetPassword({ username: "yyqy", phone: "13700000001", code, password: "Other2026x", confirmPassword: "Other2026x" })),
    ).toBe("BAD_REQUEST");
  });

  it("R-ACC-4 a phone that is not the user's gets no SMS and no usable code, with the same answer", async () => {
    const db = database.db;
    const anon = await callerAs(db, null, "10.3.3.3");
    expect(await anon.account.requestResetCode({ username: "jyzqy", phone: "13700000009" })).toEqual({ sent: true });
    await expect(lastCode(db, "13700000009")).rejects.toThrow();
    const [row] = await db.select().from(smsCodes).where(eq(smsCodes.phone, "13700000009"));
    expect(row).toBeDefined();
  });

  it("R-ACC-2 profile: changing the password needs the old one; other sessions end", async () => {
    const db = database.db;
    const [before] = await db.select().from(users).where(eq(users.username, "gzscjg"));
    const me = await callerAs(db, "gzscjg");
    expect(
      await outcome(() => me.profile.changePassword({ oldPassword: "Wrong@2026", password: "Newpass2026", confirmPassword: "Newpass2026" })),
    ).toBe("BAD_REQUEST");
    await me.profile.changePassword({ oldPassword: "Demo@2026", password: "Newpass2026", confirmPassword: "Newpass2026" });
    expect(await loadSessionUser(db, before!.id, before!.sessionVersion)).toBeNull();
    expect((await signIn(db, { username: "gzscjg", password: "Newpass2026" })).ok).toBe(true);
    await me.profile.updateContact({ displayName: "市局计量科", phone: "13700000002", email: "jl@example.cn" });
    expect((await me.profile.get()).email).toBe("jl@example.cn");
  });

  it("administrators disable an account (it cannot sign in, sessions end) and force a password reset", async () => {
    const db = database.db;
    const admin = await callerAs(db, "admin");
    const [u] = await db.select().from(users).where(eq(users.username, "byscjg"));
    await admin.accountAdmin.disableUser({ id: u!.id });
    expect(await loadSessionUser(db, u!.id, u!.sessionVersion)).toBeNull();
    expect((await signIn(db, { username: "byscjg", password: "Demo@2026" })).ok).toBe(false);
    expect(await outcome(() => admin.accountAdmin.disableUser({ id: fx.user.admin! }))).toBe("BAD_REQUEST");
    await admin.accountAdmin.enableUser({ id: u!.id });
    await admin.accountAdmin.forcePasswordReset({ id: u!.id });
    const [after] = await db.select().from(users).where(eq(users.id, u!.id));
    expect(after).toMatchObject({ active: true, mustChangePassword: true });
    expect(after!.sessionVersion).toBeGreaterThan(u!.sessionVersion);
    expect(await auditCount(db, "user.disable", u!.id)).toBe(1);
    expect(await auditCount(db, "user.force_password_reset", u!.id)).toBe(1);
    const outbox = await admin.accountAdmin.outbox({ limit: 10 });
    expect(outbox.items.length).toBeGreaterThan(0);
  });
});
