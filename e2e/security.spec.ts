import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/auth";

/** Collects CSP violations (DOM events and console reports) from the first byte of every document. */
async function watchCsp(page: Page) {
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

test.describe("issue 9 #6 security headers", () => {
  test("issue 9 #6 pages carry a nonce CSP and a Permissions-Policy, and run with no CSP violation", async ({ page }) => {
    const violations = await watchCsp(page);
    const res = await page.goto("/login");
    const csp = res?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(csp).toContain(d);
    // The camera for the site itself only (issue 10 #5 reception scanner); nothing embedded gets it.
    expect(res?.headers()["permissions-policy"]).toContain("camera=(self)");
    expect(res?.headers()["permissions-policy"]).toContain("microphone=()");
    // Each page has its own nonce.
    const again = (await page.request.get("/login")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);

    // A signed-in page with Radix menus, toasts and tables works under the policy.
    await signInAs(page, "yyqy");
    await page.goto("/enterprise/instruments");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await violations()).toEqual([]);

    // Injected inline script does not run (and is reported): an inline event handler, as an HTML injection
    // would carry, and a parser-inserted <script> without the nonce. ('strict-dynamic' deliberately trusts
    // scripts that already-trusted code appends, so appendChild from the page itself is not the test.)
    const ran = await page.evaluate(async () => {
      const b = document.createElement("button");
      b.setAttribute("onclick", "window.__injected = true");
      document.body.appendChild(b);
      b.click();
      const frame = document.createElement("div");
      frame.innerHTML = '<img src="data:," onerror="window.__injected = true">';
      document.body.appendChild(frame);
      await new Promise((r) => setTimeout(r, 200));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect((await violations()).some((v) => v.startsWith("script-src"))).toBe(true);
  });

  test("issue 9 #6 every script the server renders carries that page's nonce (so the CSP lets it run)", async ({ request }) => {
    for (const path of ["/login", "/", "/register", "/catalogue"]) {
      const res = await request.get(path);
      const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
      expect(nonce, path).toBeTruthy();
      const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  });

  test("issue 9 #6 static files and API answers carry the Permissions-Policy too", async ({ request }) => {
    for (const path of ["/api/trpc/catalogue.current", "/favicon.ico", "/login"]) {
      const res = await request.get(path);
      expect(res.headers()["permissions-policy"], path).toContain("microphone=()");
    }
  });
});

/** A raw HTTP request from a chosen loopback source address (as another client would connect). */
function rawRequest(base: string, path: string, opts: { from: string; method?: string; headers?: Record<string, string>; body?: string }) {
  const url = new URL(path, base);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: opts.method ?? "GET", localAddress: opts.from, headers: opts.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

test.describe("R-SEC-1 client address under the default start (server.mjs, no TRUST_PROXY)", () => {
  test("R-SEC-1 25 SMS code requests with 25 forged X-Forwarded-For addresses: the per-address limit still stops them", async ({ baseURL }) => {
    const base = baseURL!;
    const statuses: number[] = [];
    let refusal = "";
    for (let i = 0; i < 25; i++) {
      // 127.0.0.2: a client of its own, so this test's codes do not count against the other tests' address.
      const res = await rawRequest(base, "/api/trpc/account.requestRegisterCode", {
        from: "127.0.0.2",
        method: "POST",
        headers: {
          origin: base,
          "content-type": "application/json",
          "x-forwarded-for": `203.0.113.${i + 1}`,
          "x-real-ip": `198.51.100.${i + 1}`,
          "x-qjt-client-ip": `192.0.2.${i + 1}`,
        },
        body: JSON.stringify({ json: { phone: `1360000${String(2000 + i)}` } }),
      });
      statuses.push(res.status);
      if (res.status !== 200) refusal = res.body;
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
    expect(refusal).toContain("当前网络获取验证码过于频繁");
  });
});

test.describe("issue 9 #7 writes from another site", () => {
  test("issue 9 #7 a tRPC mutation with Origin http://evil.example is refused with 403 and the Chinese message", async ({ baseURL }) => {
    const res = await rawRequest(baseURL!, "/api/trpc/account.requestRegisterCode", {
      from: "127.0.0.3",
      method: "POST",
      headers: { origin: "http://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ json: { phone: "13600003001" } }),
    });
    expect(res.status).toBe(403);
    expect(res.body).toContain("请求来源无效，请刷新页面后重试");
  });

  test("issue 9 #7 a server action with a foreign or null Origin is a clean 403, not a 500", async ({ baseURL }) => {
    for (const origin of ["http://evil.example", "null"]) {
      const res = await rawRequest(baseURL!, "/register", {
        from: "127.0.0.3",
        method: "POST",
        headers: { origin, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
        body: "[]",
      });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body)).toEqual({ message: "请求来源无效，请刷新页面后重试" });
    }
  });
});
