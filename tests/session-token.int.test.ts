import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";

process.env.NEXTAUTH_SECRET = "test-secret-for-session-token";
const { readSessionToken } = await import("@/server/auth/session");
const { SESSION_IDLE_SECONDS } = await import("@/server/auth/options");

const secret = process.env.NEXTAUTH_SECRET;
function requestWith(token: string) {
  return new Request("http://localhost/api/trpc/me.home", { headers: { cookie: `next-auth.session-token=${token}` } });
}

describe("session token (R-ACC-5)", () => {
  beforeAll(() => {
    expect(SESSION_IDLE_SECONDS).toBe(30 * 60);
  });

  it("R-ACC-5 a fresh token carries the user id and session version", async () => {
    const token = await encode({ token: { uid: 7, sv: 3 }, secret, maxAge: SESSION_IDLE_SECONDS });
    expect(await readSessionToken(requestWith(token))).toEqual({ userId: 7, sessionVersion: 3 });
  });

  it("R-ACC-5 a token idle for more than 30 minutes is nobody", async () => {
    const expired = await encode({ token: { uid: 7, sv: 3 }, secret, maxAge: -60 }); // past next-auth's 15 s clock tolerance
    expect(await readSessionToken(requestWith(expired))).toEqual({ userId: null, sessionVersion: null });
  });

  it("a token signed with another secret is nobody", async () => {
    const forged = await encode({ token: { uid: 1, sv: 1 }, secret: "someone-else", maxAge: 600 });
    expect(await readSessionToken(requestWith(forged))).toEqual({ userId: null, sessionVersion: null });
  });
});
