import type { IncomingMessage } from "node:http";
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustProxy, setClientAddress } from "../server.mjs";
import { SIGN_IN_MESSAGES, signIn } from "@/server/auth/sign-in";
import type { Database } from "@/server/db/open";
import { loginAttempts, smsCodes } from "@/server/db/schema";
import { FOREIGN_ORIGIN_MESSAGE } from "@/server/http/same-origin";
import { openTestDb } from "./helpers/db";

let database: Database;
let route: typeof import("@/app/api/trpc/[trpc]/route");

beforeAll(async () => {
  database = await openTestDb();
  // The route handler takes the process-wide database (src/server/db/index.ts): hand it this file's one.
  (globalThis as unknown as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
  route = await import("@/app/api/trpc/[trpc]/route");
});
afterAll(() => database?.close());

const HOST = "qjt.test:3000";

/**
 * An HTTP request as the production server (server.mjs) hands it to Next: the client's headers, and the
 * client-address header set from the socket after dropping the client's copy. Then the real tRPC route.
 */
function viaServer(path: string, init: { socket: string; headers?: Record<string, string>; body?: unknown }) {
  const headers: Record<string, string> = { host: HOST, origin: `http://${HOST}`, "content-type": "application/json", ...init.headers };
  const req = { socket: { remoteAddress: init.socket }, headers, rawHeaders: Object.entries(headers).flat() } as unknown as IncomingMessage;
  setClientAddress(req, parseTrustProxy(process.env.TRUST_PROXY));
  const h = new Headers(req.headers as Record<string, string>);
  const request = new Request(`http://${HOST}/api/trpc/${path}`, {
    method: init.body === undefined ? "GET" : "POST",
    headers: h,
    body: init.body === undefined ? undefined : JSON.stringify({ json: init.body }),
  });
  return init.body === undefined ? route.GET(request) : route.POST(request);
}

const message = async (res: Response) => ((await res.json()) as { error?: { json?: { message?: string } } }).error?.json?.message;

describe("R-SEC-1 the SMS limit per client address cannot be lifted by forging X-Forwarded-For", () => {
  it("R-SEC-1 25 code requests with 25 forged X-Forwarded-For addresses: the 21st and later are refused", async () => {
    delete process.env.TRUST_PROXY;
    const statuses: number[] = [];
    let last = "";
    for (let i = 0; i < 25; i++) {
      const res = await viaServer("account.requestRegisterCode", {
        socket: "198.51.100.77",
        headers: { "x-forwarded-for": `10.1.${i}.${i}`, "x-real-ip": `10.2.${i}.${i}`, "x-qjt-client-ip": `10.3.${i}.${i}` },
        body: { phone: `1390000${String(7000 + i)}` },
      });
      statuses.push(res.status);
      if (res.status !== 200) last = (await message(res)) ?? "";
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
    expect(last).toBe("当前网络获取验证码过于频繁，请稍后再试");
    // Every code is recorded against the connection's address, none against a forged one.
    const [rows] = await database.db.select({ n: count() }).from(smsCodes).where(eq(smsCodes.ip, "198.51.100.77"));
    expect(rows?.n).toBe(20);
  });
});

describe("R-SEC-1 no known address is not no limit", () => {
  it("R-SEC-1 requests whose client address is unknown (no production server in front) share one SMS bucket", async () => {
    const { issueSmsCode } = await import("@/server/services/accounts/sms-codes");
    const { AppError } = await import("@/server/errors");
    const at = new Date("2026-11-30T05:00:00Z");
    for (let i = 0; i < 20; i++) await issueSmsCode(database.db, { phone: `1350000${String(1000 + i)}`, purpose: "register", ip: null, deliver: false }, at);
    const refused = await issueSmsCode(database.db, { phone: "13500009999", purpose: "register", ip: null, deliver: false }, at).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as InstanceType<typeof AppError>).message).toBe("当前网络获取验证码过于频繁，请稍后再试");
  });
});

describe("issue 9 #7 tRPC mutations only from pages of this site", () => {
  it("issue 9 #7 a JSON mutation POSTed with Origin http://evil.example is refused (403, Chinese message) and runs nothing", async () => {
    const phone = "13900008001";
    const res = await viaServer("account.requestRegisterCode", { socket: "198.51.100.78", headers: { origin: "http://evil.example" }, body: { phone } });
    expect(res.status).toBe(403);
    expect(await message(res)).toBe(FOREIGN_ORIGIN_MESSAGE);
    const nullOrigin = await viaServer("account.requestRegisterCode", { socket: "198.51.100.78", headers: { origin: "null" }, body: { phone } });
    expect(nullOrigin.status).toBe(403);
    const [rows] = await database.db.select({ n: count() }).from(smsCodes).where(eq(smsCodes.phone, phone));
    expect(rows?.n).toBe(0);
    // The same call from a page of the site goes through.
    const ok = await viaServer("account.requestRegisterCode", { socket: "198.51.100.78", body: { phone } });
    expect(ok.status).toBe(200);
  });

  it("issue 9 #7 queries are unchanged: a GET from anywhere is answered as before", async () => {
    const res = await viaServer("catalogue.current", { socket: "198.51.100.78", headers: { origin: "http://evil.example" } });
    expect(res.status).toBe(200);
  });
});

describe("issue 9 #8 lockout does not reveal which usernames exist", () => {
  it("R-ACC-2 an unknown username answers exactly like a real account: 已锁定 from the 5th failure, free again after 15 minutes", async () => {
    const { db } = database;
    const t = new Date("2026-11-30T02:00:00Z");
    const say = (r: Awaited<ReturnType<typeof signIn>>) => (r.ok ? "ok" : r.message);
    const run = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) out.push(say(await signIn(db, { username, password: `Wrong@${i}xyz`, ip: "10.0.0.1" }, new Date(t.getTime() + i * 1000))));
      out.push(say(await signIn(db, { username, password: "Wrong@later1", ip: "10.0.0.1" }, new Date(t.getTime() + 16 * 60_000))));
      return out;
    };
    const real = await run("yyqy");
    const unknown = await run("nobody-here");
    expect(real.slice(0, 4)).toEqual(Array(4).fill(SIGN_IN_MESSAGES.bad));
    expect(real[4]).toBe(SIGN_IN_MESSAGES.locked(15));
    expect(real[5]).toMatch(/已锁定/);
    expect(real[7]).toBe(SIGN_IN_MESSAGES.bad);
    expect(unknown).toEqual(real);
    // Every attempt on the unknown name is logged too.
    const [logged] = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.username, "nobody-here"), isNull(loginAttempts.userId)));
    expect(logged?.n).toBe(8);
  });
});

describe("issue 9 #8 no stack trace for expected conditions", () => {
  it("issue 9 #8 after sign-out the role home's query redirects to sign-in instead of throwing a TRPCError Next logs", async () => {
    const { rscCaller } = await import("@/trpc/server");
    const { createContext } = await import("@/server/api/trpc");
    const { isRedirectError } = await import("next/dist/client/components/redirect-error");
    const signedOut = rscCaller(await createContext({ db: database.db, userId: null, sessionVersion: null, ip: null }));
    const err = await signedOut.me.home().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isRedirectError(err)).toBe(true);
    expect((err as { digest: string }).digest).toContain(";/login;");
  });
});
