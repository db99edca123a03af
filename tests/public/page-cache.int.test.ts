import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPageCache } from "../../server-page-cache.mjs";
import { contentSecurityPolicy, newNonce } from "@/server/http/csp";

// The production server's page cache (server-page-cache.mjs) in front of a stand-in for Next's handler that
// answers the way Next answers a page: a per-request nonce in the CSP header and on the page's scripts.
let clock = 0;
const cache = createPageCache({ ttlMs: 30_000, now: () => clock });
let renders = 0;
let server: Server;
let base = "";

function render(req: IncomingMessage, res: ServerResponse) {
  renders++;
  const nonce = newNonce();
  const url = new URL(req.url!, "http://x");
  if (url.pathname === "/notices/404") {
    res.statusCode = 404;
    return res.end("未找到");
  }
  res.setHeader("content-security-policy", contentSecurityPolicy(nonce));
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
  res.setHeader("x-render", String(renders));
  if (url.searchParams.has("cookie")) res.setHeader("set-cookie", "a=b");
  // Streamed in two writes, as Next streams a page.
  res.write(`<!doctype html><html><head><script nonce="${nonce}" src="/_next/a.js"></script></head><body>第 ${renders} 次渲染 `);
  res.end(`<script nonce="${nonce}">self.__next_f.push([1])</script>${req.headers["accept-encoding"] ? "压缩" : "明文"}</body></html>`);
}

beforeAll(async () => {
  server = createServer((req, res) => cache.handle(req, res, () => render(req, res)));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetch(`${base}${path}`, { method, headers: { "accept-encoding": "identity", ...headers } });
const nonceOf = (csp: string | null) => csp!.match(/'nonce-([^']+)'/)![1]!;

describe("issue 11 #7 the public pages are served from the in-process page cache", () => {
  it("issue 11 #7 the home is rendered once, then served from memory with a fresh CSP nonce on every response", async () => {
    const first = await get("/");
    const a = await first.text();
    const before = renders;
    const second = await get("/");
    const b = await second.text();
    const third = await get("/");
    const c = await third.text();
    expect(renders).toBe(before);
    expect(second.headers.get("x-render")).toBe(first.headers.get("x-render"));
    const [n1, n2, n3] = [first, second, third].map((r) => nonceOf(r.headers.get("content-security-policy")));
    expect(new Set([n1, n2, n3]).size).toBe(3);
    expect(b).toContain(`nonce="${n2}"`);
    expect(b).not.toContain(n1!);
    expect(c.split(n3!).length).toBe(3);
    expect(b.replaceAll(n2!, "N")).toBe(a.replaceAll(n1!, "N"));
    expect(second.headers.get("cache-control")).toBe("private, no-cache");
    expect(second.headers.get("cache-control")).not.toContain("s-maxage");
  });

  it("issue 11 #7 a browser asking for gzip gets the cached page compressed; the copy itself was rendered uncompressed", async () => {
    await get("/catalogue?q=水表");
    const res = await fetch(`${base}/catalogue?q=水表`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip"); // fetch decompresses the body for us
    expect(await res.text()).toContain("明文");
    const raw = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      void import("node:http").then(({ get: httpGet }) =>
        httpGet(`${base}/catalogue?q=%E6%B0%B4%E8%A1%A8`, { headers: { "accept-encoding": "gzip" } }, (r) => {
          r.on("data", (d: Buffer) => chunks.push(d));
          r.on("end", () => resolve(Buffer.concat(chunks)));
        }),
      );
    });
    expect(gunzipSync(raw).toString()).toContain("明文");
  });

  it("issue 11 #7 signed-in visitors, client navigation, server actions, lookups and search are never served from the cache", async () => {
    await get("/institutions");
    const before = renders;
    await get("/institutions", { cookie: "next-auth.session-token=abc" });
    await get("/institutions", { cookie: "__Secure-next-auth.session-token.0=abc" });
    await get("/institutions", { rsc: "1" });
    await get("/institutions", { "next-router-prefetch": "1" });
    await get("/institutions", { "next-action": "x" }, "POST");
    await get("/v/AAAAAAAAAAAAAAAAAAAAAAAA");
    await get("/v/AAAAAAAAAAAAAAAAAAAAAAAA");
    await get("/search?q=1");
    await get("/search?q=1");
    await get("/enterprise");
    await get("/enterprise");
    expect(renders - before).toBe(11);
  });

  it("issue 11 #7 an error page or an answer that sets a cookie is not kept", async () => {
    await get("/notices/404");
    await get("/notices/404");
    await get("/notices?cookie=1");
    const before = renders;
    await get("/notices/404");
    await get("/notices?cookie=1");
    expect(renders - before).toBe(2);
  });

  it("issue 11 #7 a notice shows within the TTL: after 30 s one request renders again while the others still get the old copy", async () => {
    clock = 0;
    await get("/notices");
    const before = renders;
    clock = 29_999;
    expect((await get("/notices")).headers.get("age")).toBe("29");
    expect(renders).toBe(before);
    clock = 30_000;
    const slow = get("/notices"); // renders (synchronously in this stand-in) and refreshes the copy
    await slow;
    expect(renders).toBe(before + 1);
    const fresh = await get("/notices");
    expect(fresh.headers.get("age")).toBe("0");
    expect(await fresh.text()).toContain(`第 ${before + 1} 次渲染`);
  });
});
