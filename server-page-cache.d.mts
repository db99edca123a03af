import type { IncomingMessage, ServerResponse } from "node:http";

export declare const PAGE_CACHE_PATHS: RegExp;
export declare function cacheableRequest(req: IncomingMessage): boolean;
export type PageCache = {
  entries: Map<string, { parts: Buffer[]; headers: Record<string, string | string[]>; storedAt: number; refreshing: boolean }>;
  handle(req: IncomingMessage, res: ServerResponse, next: () => unknown): unknown;
};
export declare function createPageCache(opts?: { ttlMs?: number; maxEntries?: number; now?: () => number }): PageCache;
