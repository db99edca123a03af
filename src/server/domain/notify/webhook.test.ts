import { describe, expect, it } from "vitest";
import { isPrivateAddress, signWebhook, verifyWebhook, webhookUrlProblem } from "./webhook";

describe("issue 13 #2 webhook signature", () => {
  it("HMAC-SHA256 over timestamp and body; a changed body, secret or an old timestamp fails", () => {
    const sig = signWebhook("s3cret", 1_700_000_000, '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook("s3cret", 1_700_000_000, '{"a":1}', sig, 1_700_000_010)).toBe(true);
    expect(verifyWebhook("s3cret", 1_700_000_000, '{"a":2}', sig, 1_700_000_010)).toBe(false);
    expect(verifyWebhook("other", 1_700_000_000, '{"a":1}', sig, 1_700_000_010)).toBe(false);
    expect(verifyWebhook("s3cret", 1_700_000_000, '{"a":1}', sig, 1_700_000_000 + 301)).toBe(false);
  });
});

describe("issue 13 bad input: SSRF", () => {
  it("refuses loopback, private, link-local and mapped addresses; allows public ones", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "224.0.0.1", "nonsense"])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["8.8.8.8", "172.32.0.1", "203.0.113.9".replace("203.0.113", "202.96.128"), "2408:8000::1"]) expect(isPrivateAddress(a), a).toBe(false);
  });
  it("accepts only http(s) URLs without credentials", () => {
    expect(webhookUrlProblem("https://example.com/hook")).toBeNull();
    expect(webhookUrlProblem("ftp://example.com")).toMatch(/http/);
    expect(webhookUrlProblem("https://u:p@example.com")).toMatch(/用户名/);
    expect(webhookUrlProblem("不是地址")).toMatch(/格式/);
  });
});
