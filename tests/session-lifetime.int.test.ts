import { encode } from "next-auth/jwt";
// next-auth's request handler for /api/auth/* (the package's `exports` hides the path, not the module).
import { AuthHandler } from "../node_modules/next-auth/core/index.js";
import { afterAll, describe, expect, it, vi } from "vitest";

process.env.NEXTAUTH_SECRET = "test-secret-for-session-lifetime";
delete process.env.SESSION_MAX_HOURS;
const { authOptions, SESSION_IDLE_SECONDS } = await import("@/server/auth/options");
const { readSessionToken } = await import("@/server/auth/session");
const { sessionMaxSeconds } = await import("@/server/auth/lifetime");

const COOKIE = "next-auth.session-token";
const secret = process.env.NEXTAUTH_SECRET;
const start = new Date("2026-12-01T00:00:00Z").getTime();
const MIN = 60_000;

/** GET /api/auth/session through next-auth's own handler: what the page does every few minutes while in use. */
async function refresh(cookie: string) {
  const res = await AuthHandler<{ uid?: number }>({
    req: { action: "session", method: "GET", cookies: { [COOKIE]: cookie }, headers: {}, origin: "http://localhost:3000" },
    options: authOptions,
  });
  const set = res.cookies?.find((c) => c.name === COOKIE);
  return { uid: res.body?.uid ?? null, cookie: set?.value ?? "" };
}

const apiRequest = (cookie: string) => new Request("http://localhost/api/trpc/me.home", { headers: { cookie: `${COOKIE}=${cookie}` } });

/** The token the credentials sign-in produces (next-auth runs the jwt callback with the user once). */
async function signedIn() {
  const jwt = authOptions.callbacks!.jwt!;
  const token = await jwt({
    token: { sub: "7" },
    user: { id: "7", sv: 1, role: "enterprise", org: null },
    account: null,
    trigger: "signIn",
  } as never);
  return encode({ token, secret, maxAge: SESSION_IDLE_SECONDS });
}

describe("absolute session lifetime (issue 9 #5, R-ACC-5)", () => {
  afterAll(() => vi.useRealTimers());

  it("R-ACC-5 the default absolute lifetime is 12 hours, configurable by SESSION_MAX_HOURS", () => {
    expect(sessionMaxSeconds(undefined)).toBe(12 * 3600);
    expect(sessionMaxSeconds("8")).toBe(8 * 3600);
    expect(sessionMaxSeconds("0.5")).toBe(1800);
    expect(sessionMaxSeconds("nonsense")).toBe(12 * 3600);
  });

  it("R-ACC-5 a session refreshed every 29 minutes still ends 12 hours after sign-in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    let cookie = await signedIn();
    let lastGood = cookie;
    let alive = 0;
    let t = 0;
    for (; t <= 13 * 60 * MIN; t += 29 * MIN) {
      vi.setSystemTime(start + t);
      const r = await refresh(cookie);
      if (r.uid === null) break;
      expect(r.uid).toBe(7);
      expect((await readSessionToken(apiRequest(r.cookie))).userId).toBe(7);
      alive++;
      cookie = lastGood = r.cookie;
    }
    // Refreshed at 0, 29, …, 11 h 36 min (25 refreshes); the one at 12 h 05 min is refused and clears the cookie.
    expect(alive).toBe(25);
    expect(t).toBe(25 * 29 * MIN);

    // The last cookie handed out (at 11 h 36 min) is not yet idle-expired at 12 h 01 min, but the API ignores it.
    vi.setSystemTime(start + 12 * 60 * MIN + MIN);
    expect(await readSessionToken(apiRequest(lastGood))).toEqual({ userId: null, sessionVersion: null });
    // One minute earlier it was still a session: the rule is the 12 hours, not the idle limit.
    vi.setSystemTime(start + 12 * 60 * MIN - MIN);
    expect((await readSessionToken(apiRequest(lastGood))).userId).toBe(7);
  });

  it("R-ACC-5 a shorter SESSION_MAX_HOURS ends the session sooner", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    process.env.SESSION_MAX_HOURS = "1";
    try {
      vi.setSystemTime(start);
      const first = await refresh(await signedIn());
      expect(first.uid).toBe(7);
      vi.setSystemTime(start + 29 * MIN);
      const second = await refresh(first.cookie);
      expect(second.uid).toBe(7);
      vi.setSystemTime(start + 58 * MIN);
      const third = await refresh(second.cookie);
      expect(third.uid).toBe(7);
      // Four minutes after the last refresh: far from idle, but past the one hour.
      vi.setSystemTime(start + 62 * MIN);
      expect(await readSessionToken(apiRequest(third.cookie))).toEqual({ userId: null, sessionVersion: null });
      expect((await refresh(third.cookie)).uid).toBeNull();
    } finally {
      delete process.env.SESSION_MAX_HOURS;
    }
  });
});
