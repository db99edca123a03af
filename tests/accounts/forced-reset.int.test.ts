import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { organisationDocuments, users } from "@/server/db/schema";
import { openTestDb } from "../helpers/db";
import { type Fixtures, loadFixtures } from "../helpers/fixtures";
import { sessionCookie } from "../helpers/session-cookie";

// Route handlers read the session cookie and the process-wide database; point both at this test's.
process.env.NEXTAUTH_SECRET = "test-secret-for-forced-reset";
process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "qjt-forced-reset-"));
const { createCaller } = await import("@/server/api/root");
const { createContext } = await import("@/server/api/trpc");
const { signIn } = await import("@/server/auth/sign-in");
const { storeUpload } = await import("@/server/files/store");
const { GET: registrationDocument } = await import("@/app/api/registration-documents/[fileId]/route");

const MESSAGE = "管理员要求您重设密码，请先修改密码";
let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  (globalThis as unknown as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

/** A caller for a real session: the user id and session version a sign-in put into the token. */
async function session(userId: number, sessionVersion: number) {
  return createCaller(await createContext({ db: database.db, userId, sessionVersion, ip: "127.0.0.1" }));
}

async function download(userId: number, sessionVersion: number, fileId: string) {
  const req = new Request(`http://localhost/api/registration-documents/${fileId}`, { headers: { cookie: await sessionCookie(userId, sessionVersion) } });
  return registrationDocument(req, { params: Promise.resolve({ fileId }) });
}

/** The code and message a call ends with, or "ok". */
async function refusal(call: () => Promise<unknown>) {
  try {
    await call();
    return "ok";
  } catch (err) {
    return `${(err as { code?: string }).code}: ${(err as Error).message}`;
  }
}

describe("issue 9 item 4: a forced password reset is enforced by the API, not only by page layouts", () => {
  it("issue 9 #4 after an administrator forces a reset, ledger/filing procedures and route handlers refuse the user until the password is changed", async () => {
    const db = database.db;
    const userId = fx.user.jyzqy!;
    const orgId = fx.org.stationEnterprise!;
    // One registration document of the user's own organisation, which the route handler serves to them.
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    const file = await storeUpload(db, { name: "营业执照.pdf", bytes: pdf }, { kinds: ["pdf"], maxBytes: 1 << 20 }, { userId, orgId });
    await db.insert(organisationDocuments).values({ orgId, kind: "business_licence", fileId: file.id });

    const [before] = await db.select().from(users).where(eq(users.id, userId));
    const old = await session(userId, before!.sessionVersion);
    expect(await refusal(() => old.ledger.list({}))).toBe("ok");
    expect((await download(userId, before!.sessionVersion, file.id)).status).toBe(200);

    const admin = await session(fx.user.admin!, (await db.select().from(users).where(eq(users.id, fx.user.admin!)))[0]!.sessionVersion);
    await admin.accountAdmin.forcePasswordReset({ id: userId });

    // The old session has ended; signing in again with the old password opens a session that can do nothing
    // but change the password.
    const oldAgain = await session(userId, before!.sessionVersion); // the same cookie, on a new request
    expect(await refusal(() => oldAgain.ledger.list({}))).toMatch(/^UNAUTHORIZED/);
    const again = await signIn(db, { username: "jyzqy", password: "Demo@2026" });
    if (!again.ok) throw new Error("sign-in with the old password should still work");
    const forced = await session(userId, again.sessionVersion);
    expect(await refusal(() => forced.ledger.list({}))).toBe(`FORBIDDEN: ${MESSAGE}`);
    expect(await refusal(() => forced.filing.mine({ tab: "submitted", limit: 20 }))).toBe(`FORBIDDEN: ${MESSAGE}`);
    expect(await refusal(() => forced.department.list())).toBe(`FORBIDDEN: ${MESSAGE}`);
    expect(await refusal(() => forced.profile.updateContact({ displayName: "改名", phone: "13700000009", email: "" }))).toBe(`FORBIDDEN: ${MESSAGE}`);
    const refused = await download(userId, again.sessionVersion, file.id);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ message: MESSAGE });

    // What the change-password page needs stays open, and changing the password lifts the hold.
    expect((await forced.profile.get()).mustChangePassword).toBe(true);
    const { sessionVersion } = await forced.profile.changePassword({ oldPassword: "Demo@2026", password: "Newpass2026", confirmPassword: "Newpass2026" });
    const after = await session(userId, sessionVersion);
    expect(await refusal(() => after.ledger.list({}))).toBe("ok");
    expect(await refusal(() => after.filing.mine({ tab: "submitted", limit: 20 }))).toBe("ok");
    expect((await download(userId, sessionVersion, file.id)).status).toBe(200);
  });
});
