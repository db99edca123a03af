import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { clientAddress } from "./client-address";
import { answerPublicLookup, lookupRoute, type LookupRoute, type PageAnswer } from "./public-page";

/**
 * The public lookups (`/v/{token}`, `/i/{token}`, `/search`) answered straight from Node's http server, without
 * Next's request pipeline (issue 11 #7): those are the most-hit addresses, and Next's routing, proxy and
 * response wrapping cost more than the lookup itself (a refused request that touched no database ran at
 * ~300 req/s through Next). The answer is the very one Next's route handlers send (answerPublicLookup).
 *
 * `scripts/build-public-lookups.mjs` bundles this file after `next build` into `.next/qjt/public-lookups.mjs`;
 * server.mjs loads it and falls back to Next for every other address. It shares the process's database and the
 * buffered rate-limit counters with Next's copy of the code (both are kept on globalThis).
 */

/** The lookup a request asks for, or null when it is any other request (Next answers it). */
export function publicLookupOf(req: Pick<IncomingMessage, "method" | "url">): LookupRoute | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "";
  if (url.length > 20_000 || !(url.startsWith("/v/") || url.startsWith("/i/") || url.startsWith("/search"))) return null;
  const q = url.indexOf("?");
  return lookupRoute(q < 0 ? url : url.slice(0, q), q < 0 ? "" : url.slice(q));
}

/** Bodies shorter than this are sent as they are (gzip would save less than it costs). */
const GZIP_FROM = 1024;

function send(req: IncomingMessage, res: ServerResponse, answer: PageAnswer) {
  const headers: Record<string, string> = { ...answer.headers };
  let body: Buffer | null = answer.body === null ? null : Buffer.from(answer.body);
  if (body && answer.status === 200) headers.vary = "Accept-Encoding";
  if (body && body.length >= GZIP_FROM && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
  }
  if (body) headers["content-length"] = String(body.length);
  res.writeHead(answer.status, headers);
  res.end(req.method === "HEAD" ? undefined : (body ?? undefined));
}

const FAILED_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>暂时无法查询</title><body><h1>暂时无法查询</h1><p>服务暂时不可用，请稍后再试。</p></body></html>`;

/** Answers `route` on `res`; an unexpected failure (the database down) is logged once and answered 500 in Chinese. */
export async function servePublicLookup(req: IncomingMessage, res: ServerResponse, route: LookupRoute): Promise<void> {
  try {
    const ip = clientAddress(req.headers as Record<string, string | string[] | undefined>);
    const inm = req.headers["if-none-match"];
    send(req, res, await answerPublicLookup(route, { ip, ifNoneMatch: typeof inm === "string" ? inm : null }));
  } catch (err) {
    console.error("[强检通] 公开查询失败", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(FAILED_PAGE);
  }
}

/** For server.mjs: answers the request and says true when it is a public lookup, else says false and does nothing. */
export function handlePublicLookup(req: IncomingMessage, res: ServerResponse): boolean {
  const route = publicLookupOf(req);
  if (!route) return false;
  void servePublicLookup(req, res, route);
  return true;
}
