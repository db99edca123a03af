import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/server/db/open";
import { DEMO_PASSWORD } from "@/server/seed/demo";
import { openTestDb } from "./helpers/db";

/**
 * R-ACC-5 with a moved clock, through the real path: next-auth's own handler signs a demo user in and
 * renews the session (what the page's keep-alive calls on activity), and the tRPC route handler decides
 * from the session cookie whether the caller is still signed in. Only the clock is faked (Date), nothing
 * of the rule: the token's lifetime comes from authOptions as the app configures it.
 */
process.env.NEXTAUTH_SECRET = "test-secret-for-session-idle";
const { authOptions } = await import("@/server/auth/options");
const { GET: trpcGet } = await import("@/app/api/trpc/[trpc]/route");

// next-auth's request core (what its Next route handler calls with the request's cookies and body); the
// package does not export it, so it is loaded by file, the same module `next-auth/next` requires.
const require = createRequire(import.meta.url);
type Handler = <B = unknown>(p: { req: Record<string, unknown>; options: typeof authOptions }) => Promise<{ body?: B; redirect?: string; cookies?: { name: string; value: string }[] }>;
const { AuthHandler } = require(path.join(path.dirname(require.resolve("next-auth")), "core/index.js")) as { AuthHandler: Handler };

const SESSION_COOKIE = "next-auth.session-token";
const MINUTE = 60_000;
let database: Database;

beforeAll(async () => {
  database = await openTestDb();
  (globalThis as unknown as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
});
afterAll(async () => {
  (globalThis as unknown as { __qjtDb?: unknown }).__qjtDb = undefined;
  await database?.close();
});
afterEach(() => vi.useRealTimers());

type Cookies = Record<string, string>;
const cookiesOf = (res: { cookies?: { name: string; value: string }[] }): Cookies => Object.fromEntries((res.cookies ?? []).map((c) => [c.name, c.value]));
const base = { origin: "http://localhost:3000", headers: {}, query: {} };

/** Signs in through next-auth's credentials callback (with its CSRF round trip); returns the session cookie. */
async function signIn(username: string): Promise<string> {
  const csrf = await AuthHandler<{ csrfToken: string }>({ req: { ...base, action: "csrf", method: "GET", cookies: {} }, options: authOptions });
  const res = await AuthHandler({
    req: {
      ...base,
      action: "callback",
      providerId: "credentials",
      method: "POST",
      cookies: cookiesOf(csrf),
      body: { username, password: DEMO_PASSWORD, csrfToken: csrf.body!.csrfToken },
    },
    options: authOptions,
  });
  const token = cookiesOf(res)[SESSION_COOKIE];
  expect(token, `sign-in as ${username}: ${JSON.stringify(res.redirect)}`).toBeTruthy();
  return token!;
}

/** Activity: the keep-alive's GET /api/auth/session; returns the renewed cookie (empty when the session is over). */
async function renew(token: string): Promise<string | undefined> {
  const res = await AuthHandler({ req: { ...base, action: "session", method: "GET", cookies: { [SESSION_COOKIE]: token } }, options: authOptions });
  return cookiesOf(res)[SESSION_COOKIE] || undefined;
}

/** A signed-in request: GET /api/trpc/me.home through the route handler; its HTTP status. */
async function homeStatus(token: string): Promise<number> {
  const res = await trpcGet(new Request("http://localhost:3000/api/trpc/me.home", { headers: { cookie: `${SESSION_COOKIE}=${token}` } }));
  return res.status;
}

function clockAt(t: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t);
}

describe("R-ACC-5 sessions expire after 30 minutes idle (moved clock)", () => {
  it("R-ACC-5 a session active 29 minutes ago still works; one idle 31 minutes does not", async () => {
    const t0 = Date.now();
    clockAt(t0);
    const token = await signIn("jyzqy");
    expect(await homeStatus(token)).toBe(200);
    clockAt(t0 + 29 * MINUTE);
    expect(await homeStatus(token)).toBe(200);
    clockAt(t0 + 31 * MINUTE);
    expect(await homeStatus(token)).toBe(401);
  });

  it("R-ACC-5 the 30 minutes run from the last activity: a renewed session outlives the sign-in by more than 30 minutes, then idles out", async () => {
    const t0 = Date.now();
    clockAt(t0);
    const first = await signIn("yyqy");
    clockAt(t0 + 29 * MINUTE);
    const renewed = await renew(first);
    expect(renewed).toBeTruthy();
    clockAt(t0 + 58 * MINUTE); // 58 min after sign-in, 29 min after the last activity
    expect(await homeStatus(first)).toBe(401);
    expect(await homeStatus(renewed!)).toBe(200);
    clockAt(t0 + 60 * MINUTE + 30_000); // 31.5 min after the last activity
    expect(await homeStatus(renewed!)).toBe(401);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await renew(renewed!)).toBeUndefined(); // an idle session cannot be renewed either
    expect(log).toHaveBeenCalledWith("[auth] JWT_SESSION_ERROR", expect.stringContaining("exp")); // one line, no stack
    log.mockRestore();
  });
});
