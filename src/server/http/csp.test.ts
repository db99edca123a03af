import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY } from "./csp";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("issue 9 #6 Content-Security-Policy and Permissions-Policy", () => {
  it("issue 9 #6 scripts run only with the request's nonce; no inline script, framing, plugins or base change", () => {
    const d = directives(contentSecurityPolicy("abc123"));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
    expect(d.get("script-src")).not.toContain("'unsafe-eval'");
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
  });

  it("issue 9 #6 each nonce is fresh and unguessable (128 bits)", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(new Set(Array.from({ length: 50 }, newNonce)).size).toBe(50);
  });

  it("issue 9 #6 next.config.mjs sends the same Permissions-Policy on every response", () => {
    const config = readFileSync(path.resolve(import.meta.dirname, "../../../next.config.mjs"), "utf8");
    expect(config).toContain(`source: "/:path*"`);
    expect(config).toContain(`{ key: "Permissions-Policy", value: "${PERMISSIONS_POLICY}" }`);
  });

  it("issue 10 #5 the camera is allowed to the site itself only (reception scanner), the microphone to nobody", () => {
    expect(PERMISSIONS_POLICY).toContain("camera=(self)");
    expect(PERMISSIONS_POLICY).toContain("microphone=()");
    // Decoding needs no eval and no worker: the production policy keeps both shut.
    const d = directives(contentSecurityPolicy("n"));
    expect(d.get("script-src")).not.toContain("'unsafe-eval'");
    expect(d.get("worker-src")).toBeUndefined();
    expect(d.get("media-src")).toEqual(["'self'", "blob:"]);
  });
});
