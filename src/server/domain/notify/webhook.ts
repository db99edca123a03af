import { createHmac, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";

/**
 * Outgoing webhooks (issue 13 #2), pure: the signature and the SSRF address rule.
 *
 * Signature: `X-QJT-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>` with
 * `X-QJT-Timestamp: <unix seconds>`; a receiver recomputes it over the raw body and rejects old timestamps.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** A receiver's check (used by tests and documented for integrators): right signature, timestamp within `toleranceS`. */
export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string, nowS: number, toleranceS = 300): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(nowS - timestamp) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const got = Buffer.from(signature);
  return expected.length === got.length && timingSafeEqual(expected, got);
}

function v4(a: string): number[] {
  return a.split(".").map(Number);
}

/**
 * SSRF: an address a webhook must not reach unless the administrator allows it (WEBHOOK_ALLOW_PRIVATE=1):
 * loopback, private (RFC 1918, unique-local), link-local (cloud metadata 169.254.169.254), CGNAT, "this
 * network", multicast and reserved ranges, and IPv4 mapped into IPv6.
 */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) {
    const [a = 0, b = 0] = v4(address);
    return (
      a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19)) || a >= 224
    );
  }
  if (kind === 6) {
    const s = address.toLowerCase();
    const mapped = s.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
    if (mapped) return isPrivateAddress(mapped[1]!);
    if (s === "::" || s === "::1") return true;
    return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(s) || s.startsWith("64:ff9b:") || s.startsWith("2001:db8:");
  }
  return true; // not an address at all: refuse
}

/** The URL rule before any DNS: http(s) only, no credentials in it. Returns a Chinese reason, or null if fine. */
export function webhookUrlProblem(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return "Webhook 地址格式不正确";
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return "Webhook 地址只能以 http:// 或 https:// 开头";
  if (u.username || u.password) return "Webhook 地址中不能包含用户名或密码";
  return null;
}
