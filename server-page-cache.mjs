// The in-process page cache of the production server (issue 11 #7): the public pages that are the same for
// every anonymous visitor — the home, the catalogue, the institution directory and the notices — are rendered
// by Next at most once per PAGE_CACHE_SECONDS per address and process, and served from memory in between.
//
// Why here and not Next's ISR: every page carries a Content-Security-Policy with a per-response nonce (issue 9
// #6, src/proxy.ts), which makes Next render every page per request. This cache keeps that guarantee: the
// nonce Next rendered is swapped for a fresh random one in the body and the CSP header of every response, so
// no two responses share a nonce. (For the same reason the HTML is not offered to shared caches: no s-maxage.)
//
// Never cached: a request with a session cookie (the header then shows 进入工作台), Next's client-navigation
// and prefetch requests (RSC payloads), server actions (POST), anything but a 200 HTML answer, an answer that
// sets a cookie. The lookups and the search (/v/, /i/, /search) are not in the list: each is rate-limited and
// logged per request.
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";

/** The cached addresses: `/`, `/catalogue`, `/institutions`, `/institutions/{id}`, `/notices`, `/notices/{id}` (any query). */
export const PAGE_CACHE_PATHS = /^\/(?:catalogue|institutions(?:\/\d{1,12})?|notices(?:\/\d{1,12})?)?$/;

/** Request headers that make an answer other than the page's HTML (Next's client navigation, prefetch, actions). */
const NEXT_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];
/** Response headers that belong to one response only. */
const HOP_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "age", "etag", "last-modified"]);

/** Whether this request may be answered from, or fill, the cache. */
export function cacheableRequest(req) {
  if (req.method !== "GET") return false;
  const url = req.url ?? "";
  if (url.length > 300) return false;
  const q = url.indexOf("?");
  if (!PAGE_CACHE_PATHS.test(q < 0 ? url : url.slice(0, q))) return false;
  if (NEXT_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  return !/session-token/.test(req.headers.cookie ?? "");
}

const NONCE = /'nonce-([A-Za-z0-9+/=_-]{16,})'/;

/** `buf` cut at every occurrence of `sep` (the copy is kept as bytes, so a response is a copy of memory). */
function splitBuffer(buf, sep) {
  const parts = [];
  let from = 0;
  for (let at = buf.indexOf(sep); at >= 0; at = buf.indexOf(sep, from)) {
    parts.push(buf.subarray(from, at));
    from = at + sep.length;
  }
  parts.push(buf.subarray(from));
  return parts;
}

/** A fresh nonce, like src/server/http/csp.ts newNonce (128 random bits, base64). */
const freshNonce = () => randomBytes(16).toString("base64");

/**
 * Creates the cache. `handle(req, res, next)` answers from memory when it can, else calls `next()` (Next's own
 * handler) and keeps the answer if it is cacheable. At most `maxEntries` addresses (query strings count), the
 * oldest dropped first. An expired entry is refreshed by one request while the others still get the old copy.
 */
export function createPageCache({ ttlMs = 30_000, maxEntries = 200, now = () => Date.now() } = {}) {
  /** @type {Map<string, { parts: Buffer[]; headers: Record<string, string | string[]>; storedAt: number; refreshing: boolean }>} */
  const entries = new Map();

  function serve(entry, req, res) {
    const nonce = freshNonce();
    const n = Buffer.from(nonce);
    const pieces = [];
    entry.parts.forEach((part, i) => (i ? pieces.push(n, part) : pieces.push(part)));
    const body = Buffer.concat(pieces);
    for (const [name, value] of Object.entries(entry.headers)) {
      if (name === "vary") continue;
      res.setHeader(name, name === "content-security-policy" ? String(value).replace(NONCE, `'nonce-${nonce}'`) : value);
    }
    res.setHeader("age", String(Math.floor((now() - entry.storedAt) / 1000)));
    res.setHeader("vary", entry.headers.vary ? `${entry.headers.vary}, Accept-Encoding` : "Accept-Encoding");
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const out = gzip ? gzipSync(body, { level: 1 }) : body;
    if (gzip) res.setHeader("content-encoding", "gzip");
    res.setHeader("content-length", String(out.length));
    res.statusCode = 200;
    res.end(out);
  }

  /** Keeps what Next writes to `res` and stores it when the request is over, if it is a plain 200 HTML page. */
  function capture(key, res) {
    const chunks = [];
    const write = res.write;
    const end = res.end;
    const keep = (chunk, encoding) => {
      if (chunk != null && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    };
    res.write = function (chunk, encoding, cb) {
      keep(chunk, encoding);
      return write.call(this, chunk, encoding, cb);
    };
    res.end = function (chunk, encoding, cb) {
      keep(chunk, encoding);
      return end.call(this, chunk, encoding, cb);
    };
    res.once("finish", () => {
      const headers = res.getHeaders();
      const csp = String(headers["content-security-policy"] ?? "");
      const nonce = csp.match(NONCE)?.[1];
      const ok =
        res.statusCode === 200 &&
        String(headers["content-type"] ?? "").startsWith("text/html") &&
        headers["set-cookie"] === undefined &&
        headers["content-encoding"] === undefined &&
        nonce !== undefined;
      if (!ok) return void entries.delete(key);
      const kept = {};
      for (const [name, value] of Object.entries(headers)) if (!HOP_HEADERS.has(name) && value !== undefined) kept[name] = Array.isArray(value) ? value : String(value);
      // Next marks per-request pages uncacheable; from here on the copy is fresh for ttl in this process only.
      kept["cache-control"] = "private, no-cache";
      entries.delete(key);
      entries.set(key, { parts: splitBuffer(Buffer.concat(chunks), Buffer.from(nonce)), headers: kept, storedAt: now(), refreshing: false });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value);
    });
    res.once("close", () => {
      const e = entries.get(key);
      if (e && e.refreshing && !res.writableFinished) e.refreshing = false;
    });
  }

  return {
    entries,
    /** Answers `req` from the cache, or passes it to `next` (and fills the cache from its answer). */
    handle(req, res, next) {
      if (!cacheableRequest(req)) return next();
      const key = req.url;
      const entry = entries.get(key);
      if (entry && (now() - entry.storedAt < ttlMs || entry.refreshing)) return serve(entry, req, res);
      if (entry) entry.refreshing = true;
      // Next compresses by itself when asked; the copy must be plain text for the nonce swap, so ask for none.
      delete req.headers["accept-encoding"];
      if (Array.isArray(req.rawHeaders)) {
        const raw = [];
        for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) if (req.rawHeaders[i].toLowerCase() !== "accept-encoding") raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
        req.rawHeaders = raw;
      }
      capture(key, res);
      return next();
    },
  };
}
