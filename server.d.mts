import type { IncomingMessage } from "node:http";
import type { BlockList } from "node:net";

export declare const CLIENT_ADDRESS_HEADER: "x-qjt-client-ip";
export type TrustProxy = { hops: number } | { list: BlockList };
export declare function normaliseAddress(raw: unknown): string | null;
export declare function parseTrustProxy(value: string | undefined): TrustProxy;
export declare function clientAddressOf(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string | null;
export declare function setClientAddress(req: IncomingMessage, trust: TrustProxy): void;
