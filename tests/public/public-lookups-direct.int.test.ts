// Issue 11 #7: the production server answers /v/, /i/ and /search without Next's request pipeline, from the
// bundle `npm run build` makes (scripts/build-public-lookups.mjs → server.mjs). These tests build that very
// bundle, load it the way server.mjs does (plain Node import, packages from node_modules) and serve it from a
// plain http server with server.mjs's client-address step, then compare every answer with Next's route handler.
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, get as httpGet, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as certificateGET } from "@/app/v/[token]/route";
import { GET as labelGET } from "@/app/i/[token]/route";
import { GET as searchGET } from "@/app/search/route";
import type { Database } from "@/server/db/open";
import { certificates, instruments } from "@/server/db/schema";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";
import { flushPublicWrites } from "@/server/services/public/rate-limit";
import { buildPublicLookups } from "../../scripts/build-public-lookups.mjs";
import { parseTrustProxy, setClientAddress } from "../../server.mjs";
import { openTestDb } from "../helpers/db";
import { type Fixtures, loadFixtures } from "../helpers/fixtures";

let database: Database;
let fx: Fixtures;
let server: Server;
let base: string;
let outDir: string;
let ipSeq = 0;
const newIp = () => `198.51.100.${++ipSeq}`;
const g = globalThis as { __qjtDb?: Promise<Database> };

beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
  g.__qjtDb = Promise.resolve(database);
  outDir = mkdtempSync(path.join(tmpdir(), "qjt-lookups-"));
  const bundle = await buildPublicLookups({ outfile: path.join(outDir, "public-lookups.mjs") });
  const { handlePublicLookup } = (await import(/* @vite-ignore */ pathToFileURL(bundle).href)) as { handlePublicLookup: (req: IncomingMessage, res: ServerResponse) => boolean };
  // As server.mjs: the client address from the connection (here every request comes from loopback, which is
  // trusted as a proxy so each test can name its client in X-Forwarded-For); anything else is not ours (418).
  const trust = parseTrustProxy("loopback");
  server = createServer((req, res) => {
    setClientAddress(req, trust);
    if (handlePublicLookup(req, res)) return;
    res.statusCode = 418;
    res.end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  server?.close();
  await flushPublicWrites(); // the bundle's buffered hits share the process's buffer; write them before closing
  rmSync(outDir, { recursive: true, force: true });
  await database?.close();
});

const direct = (url: string, ip: string, headers: Record<string, string> = {}) => fetch(`${base}${url}`, { headers: { "x-forwarded-for": ip, ...headers }, redirect: "manual" });
const viaNext = (handler: typeof certificateGET, token: string, ip: string, headers: Record<string, string> = {}) =>
  handler(new Request("http://test/x", { headers: { [CLIENT_ADDRESS_HEADER]: ip, ...headers } }), { params: Promise.resolve({ token }) });

/** The headers both answers must share (the date and the transport's own differ). */
const SHARED = ["content-type", "content-security-policy", "x-robots-tag", "x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "cache-control", "etag", "retry-after", "location"];
async function expectSameAnswer(a: Response, b: Response) {
  expect(a.status).toBe(b.status);
  for (const h of SHARED) expect([h, a.headers.get(h)]).toEqual([h, b.headers.get(h)]);
  expect(await a.text()).toBe(await b.text());
}

const labelTokenOf = async (serial: string) =>
  (await database.db.select({ t: instruments.labelToken }).from(instruments).where(eq(instruments.id, fx.instrument[serial]!)))[0]!.t!;

describe("issue 11 #7 the direct path of the production server answers exactly what Next's route handlers answer", () => {
  it("R-PUB-1 /v/{token}: the same page, status and headers; a malformed or unknown token the same Chinese 404", async () => {
    const token = fx.certificateToken["YY-0105"]!;
    const answer = await direct(`/v/${token}`, newIp());
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-frame-options")).toBe("DENY");
    await expectSameAnswer(answer, await viaNext(certificateGET, token, newIp()));
    for (const t of ["AAAAAAAAAAAAAAAAAAAAAAAA", "'%20or%201=1--", "x".repeat(150)]) {
      const miss = await direct(`/v/${t}`, newIp());
      expect(miss.status).toBe(404);
      await expectSameAnswer(miss, await viaNext(certificateGET, decodeURIComponent(t), newIp()));
    }
  });

  it("R-PUB-3 /i/{token}: the same label page; a revoked certificate shows the same state through both", async () => {
    const token = await labelTokenOf("YY-0105");
    await expectSameAnswer(await direct(`/i/${token}`, newIp()), await viaNext(labelGET, token, newIp()));
    await database.db.update(certificates).set({ state: "revoked", revokedAt: new Date() }).where(eq(certificates.id, fx.certificate["YY-0105"]!));
    const revoked = await direct(`/v/${fx.certificateToken["YY-0105"]!}`, newIp());
    expect(await revoked.clone().text()).toContain("已撤销");
    await expectSameAnswer(revoked, await viaNext(certificateGET, fx.certificateToken["YY-0105"]!, newIp()));
  });

  it("R-PUB-2 /search: an exact number answers 303 to its page, anything else the same 未找到 page", async () => {
    const [c] = await database.db.select({ number: certificates.number, token: certificates.token }).from(certificates).where(eq(certificates.id, fx.certificate["YY-0106"]!));
    const hit = await direct(`/search?q=${encodeURIComponent(c!.number)}`, newIp());
    expect(hit.status).toBe(303);
    expect(hit.headers.get("location")).toBe(`/v/${c!.token}`);
    const partial = `/search?q=${encodeURIComponent(c!.number.slice(0, -2))}`;
    const miss = await direct(partial, newIp());
    expect(miss.status).toBe(404);
    await expectSameAnswer(miss, await searchGET(new Request(`http://test${partial}`, { headers: { [CLIENT_ADDRESS_HEADER]: newIp() } })));
  });

  it("issue 11 #7 an unchanged page answers 304 to its ETag; a phone that accepts gzip gets the same page compressed", async () => {
    const token = fx.certificateToken["YY-0106"]!;
    const first = await direct(`/v/${token}`, newIp());
    const etag = first.headers.get("etag")!;
    expect((await direct(`/v/${token}`, newIp(), { "if-none-match": etag })).status).toBe(304);
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      // fetch would decompress by itself; node:http shows the bytes as sent.
      const req = httpGet(`${base}/v/${token}`, { headers: { "accept-encoding": "gzip", "x-forwarded-for": newIp() } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (b: Buffer) => parts.push(b));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(parts) }));
      });
      req.on("error", reject);
    });
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toBe(await first.text());
  });

  it("issue 11 #8 the direct path and Next's handlers count one limit per address: 30 + 30 allowed, the 61st refused by either", async () => {
    const ip = "192.0.2.230";
    const token = fx.certificateToken["YY-0106"]!;
    for (let i = 0; i < 30; i++) expect((await direct(`/v/${token}`, ip)).status).toBe(200);
    for (let i = 0; i < 30; i++) expect((await viaNext(certificateGET, token, ip)).status).toBe(200);
    const refused = await direct(`/i/${await labelTokenOf("YY-0106")}`, ip);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("查询过于频繁");
    expect((await viaNext(certificateGET, token, ip)).status).toBe(429);
  });

  it("issue 11 #7 every other address is left to Next: pages, posts, look-alike paths", async () => {
    for (const url of ["/", "/verify", "/v", "/v/", "/v/a/b", "/searching", "/institutions", "/api/trpc/x"]) expect([url, (await direct(url, newIp())).status]).toEqual([url, 418]);
    const post = await fetch(`${base}/v/${fx.certificateToken["YY-0106"]!}`, { method: "POST" });
    expect(post.status).toBe(418);
  });

  it("issue 11 #7 when the database cannot answer, the visitor gets a Chinese 500 page and the failure is logged", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const keep = g.__qjtDb;
    const down = Promise.reject(new Error("数据库不可用（测试）"));
    down.catch(() => {});
    g.__qjtDb = down;
    const readKey = "__qjtReadDb" as const;
    const gr = globalThis as { [readKey]?: unknown };
    const keepRead = gr[readKey];
    gr[readKey] = undefined;
    try {
      const res = await direct(`/v/${fx.certificateToken["YY-0106"]!}`, newIp());
      expect(res.status).toBe(500);
      expect(await res.text()).toContain("暂时无法查询");
      expect(logged).toHaveBeenCalled();
    } finally {
      g.__qjtDb = keep;
      gr[readKey] = keepRead;
      logged.mockRestore();
    }
  });
});
