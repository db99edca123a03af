import "server-only";
import dns, { type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress } from "@/server/domain/notify/webhook";

/** The Chinese refusal for an address a webhook may not reach (SSRF). */
export const privateRefusal = (address: string) => `Webhook 地址指向内网或本机地址（${address}），已拒绝；如确需使用，请管理员设置 WEBHOOK_ALLOW_PRIVATE=1`;

/**
 * Resolves a host name and refuses it if any address is private or loopback (unless allowed). Used when an
 * owner saves a webhook, and — as the socket's own lookup — at every delivery, so the address checked is the
 * address connected to (a DNS answer that changes between check and use cannot slip through).
 */
export async function checkHost(hostname: string, allowPrivate: boolean): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host }] : await dns.promises.lookup(host, { all: true });
  if (allowPrivate) return null;
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  return bad ? privateRefusal(bad.address) : null;
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as unknown as LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new Error(privateRefusal(bad.address)), "", 4);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`无法解析 ${hostname}`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * POSTs a JSON body and resolves with the HTTP status; never follows redirects; gives up after `timeoutMs`.
 * Refuses private and loopback addresses (literal or resolved) unless `allowPrivate`.
 */
export function guardedPost(url: string, body: string, headers: Record<string, string>, opts: { allowPrivate: boolean; timeoutMs: number }): Promise<number> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !opts.allowPrivate && isPrivateAddress(host)) return Promise.reject(new Error(privateRefusal(host)));
  const mod = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      u,
      {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(body)), "user-agent": "qiangjiantong-webhook/1", ...headers },
        lookup: guardedLookup(opts.allowPrivate),
        timeout: opts.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`Webhook 超时（${opts.timeoutMs / 1000} 秒无应答）`)));
    req.on("error", reject);
    req.end(body);
  });
}
