import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const h = (o: Record<string, string>) => new Headers(o);

describe("same-origin check for uploads and other writes outside tRPC", () => {
  it("accepts a request from a page of this site", () => {
    expect(isSameOrigin(h({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(h({ origin: "https://qjt.example.cn", host: "127.0.0.1:3000", "x-forwarded-host": "qjt.example.cn" }))).toBe(true);
  });

  it("refuses another site, a missing Origin and a malformed one", () => {
    expect(isSameOrigin(h({ origin: "https://evil.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(h({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(h({ origin: "null", host: "localhost:3000" }))).toBe(false);
  });
});
