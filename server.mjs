// The production server (`npm start`): Next's own request handler behind a plain Node http server, so that
// the client address comes from the TCP connection (R-SEC-1). Next's route handlers and server components
// never see the socket, only headers, and `X-Forwarded-For` is whatever the client typed. This server
// therefore drops any copy of CLIENT_ADDRESS_HEADER the client sent and sets it itself, from the socket —
// or, only when TRUST_PROXY says which proxies are ours, from the X-Forwarded-For entries they appended.
// The application reads that one header (src/server/http/client-address.ts) and nothing else.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { BlockList, isIP } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createPageCache } from "./server-page-cache.mjs";

export const CLIENT_ADDRESS_HEADER = "x-qjt-client-ip";

/** An address as the socket or a proxy wrote it, normalised ("::ffff:1.2.3.4" → "1.2.3.4"), or null. */
export function normaliseAddress(raw) {
  if (typeof raw !== "string") return null;
  let a = raw.trim();
  if (a.startsWith("[") && a.endsWith("]")) a = a.slice(1, -1);
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a)) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}

/**
 * TRUST_PROXY: unset, "", "0" or "false" → no proxy is trusted (the default: the socket address is the client);
 * a whole number n → the n nearest hops are our proxies; otherwise a comma-separated list of proxy addresses
 * or CIDR ranges ("loopback" = 127.0.0.0/8 and ::1). "true" (trust everyone) is refused: it would let any
 * client choose its address.
 */
export function parseTrustProxy(value) {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "" || v === "0" || v === "false") return { hops: 0 };
  if (/^\d+$/.test(v)) return { hops: Number(v) };
  if (v === "true" || v === "*") throw new Error("TRUST_PROXY=true 会让客户端自选地址：请写代理的跳数或地址列表");
  const list = new BlockList();
  for (const item of v.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (item === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [addr, bits] = item.split("/");
    const family = isIP(addr ?? "");
    if (!family || (bits !== undefined && !/^\d+$/.test(bits))) throw new Error(`TRUST_PROXY 中的地址无效：${item}`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
  }
  return { list };
}

function trusted(address, hop, trust) {
  if ("hops" in trust) return hop < trust.hops;
  return trust.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: start at the connection's peer and step left through X-Forwarded-For only while the
 * address we are at is a trusted proxy (the nearest hop first, like Express's `trust proxy`). An entry that
 * is not an address stops the walk at the proxy that passed it on.
 */
export function clientAddressOf(remoteAddress, forwardedFor, trust) {
  let address = normaliseAddress(remoteAddress);
  if (!address) return null;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  for (let hop = 0, i = chain.length - 1; i >= 0 && chain[i].trim() !== "" && trusted(address, hop, trust); hop++, i--) {
    const next = normaliseAddress(chain[i]);
    if (!next) break;
    address = next;
  }
  return address;
}

/** Replaces whatever the client sent in CLIENT_ADDRESS_HEADER with the address this server decided. */
export function setClientAddress(req, trust) {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  const address = clientAddressOf(req.socket?.remoteAddress, req.headers["x-forwarded-for"], trust);
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  // Next builds its request headers from `req.headers`; drop the raw copy too so nothing can read the forged one.
  if (Array.isArray(req.rawHeaders)) {
    const raw = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      if (req.rawHeaders[i].toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    if (address) raw.push(CLIENT_ADDRESS_HEADER, address);
    req.rawHeaders = raw;
  }
}

/** `-p 3100 -H 127.0.0.1` as `next start` takes them; PORT and HOST work too. */
function options(argv) {
  const out = { port: Number(process.env.PORT ?? 3000), host: process.env.HOST || undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "-p" || argv[i] === "--port") out.port = Number(argv[++i]);
    else if (argv[i] === "-H" || argv[i] === "--hostname") out.host = argv[++i];
  }
  return out;
}

/**
 * The public lookups `/v/`, `/i/` and `/search` answered without Next's request pipeline (issue 11 #7: they are
 * the most-hit addresses, and Next's routing costs more than the lookup): `npm run build` bundles
 * src/server/http/public-lookups-node.ts into this file. Without it (or with PUBLIC_LOOKUPS_DIRECT=0) Next's own
 * route handlers answer the same pages, only slower.
 */
export const PUBLIC_LOOKUPS_BUNDLE = path.join(".next", "qjt", "public-lookups.mjs");

async function loadPublicLookups() {
  if (process.env.PUBLIC_LOOKUPS_DIRECT === "0") return null;
  const file = path.resolve(PUBLIC_LOOKUPS_BUNDLE);
  if (!existsSync(file)) {
    console.warn(`[强检通] 未找到 ${PUBLIC_LOOKUPS_BUNDLE}（请运行 npm run build）：/v/、/i/ 与 /search 改由 Next 处理，速度较慢`);
    return null;
  }
  return (await import(pathToFileURL(file).href)).handlePublicLookup;
}

async function main() {
  process.env.NODE_ENV = "production";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const { port, host } = options(process.argv.slice(2));
  const trust = parseTrustProxy(process.env.TRUST_PROXY);
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: host ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The public pages the same for every anonymous visitor are kept in memory (server-page-cache.mjs, issue 11
  // #7); PAGE_CACHE_SECONDS=0 turns that off.
  const cacheSeconds = Number(process.env.PAGE_CACHE_SECONDS ?? 30);
  const pageCache = cacheSeconds > 0 ? createPageCache({ ttlMs: cacheSeconds * 1000 }) : null;
  const publicLookup = await loadPublicLookups();
  const server = createServer((req, res) => {
    setClientAddress(req, trust);
    if (publicLookup?.(req, res)) return;
    const render = () =>
      handle(req, res).catch((err) => {
        console.error("[强检通] 请求处理失败", err);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    if (pageCache) pageCache.handle(req, res, render);
    else render();
  });
  server.listen(port, host, () => {
    const proxies = "hops" in trust ? (trust.hops ? `信任 ${trust.hops} 层代理` : "不信任转发头") : "信任所列代理";
    console.log(`[强检通] 已启动：http://${host ?? "localhost"}:${port}（客户端地址：${proxies}）`);
  });
  // Exit promptly on Ctrl-C / SIGTERM (the data-directory lock is released on exit); open keep-alive
  // connections get three seconds. The public pages' buffered rate-limit hits and lookup log rows
  // (src/server/services/public/rate-limit.ts, registered on globalThis.__qjtBeforeExit) are written first.
  const stop = () => {
    const flushes = [...(globalThis.__qjtBeforeExit ?? [])].map((flush) => flush().catch(() => undefined));
    Promise.all(flushes).finally(() => server.close(() => process.exit(0)));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`[强检通] 无法启动：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
