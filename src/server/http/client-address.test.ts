import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER as SERVER_HEADER, clientAddressOf, parseTrustProxy, setClientAddress } from "../../../server.mjs";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "./client-address";

const none = parseTrustProxy(undefined);

function request(remoteAddress: string, headers: Record<string, string>): IncomingMessage {
  const rawHeaders = Object.entries(headers).flat();
  return { socket: { remoteAddress }, headers: { ...headers }, rawHeaders } as unknown as IncomingMessage;
}

describe("R-SEC-1 the client address is the connection's unless a configured proxy forwarded it", () => {
  it("R-SEC-1 by default a forged X-Forwarded-For (or X-Real-IP) changes nothing", () => {
    expect(clientAddressOf("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(clientAddressOf("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8", none)).toBe("203.0.113.9");
    const forged = Array.from({ length: 25 }, (_, i) => clientAddressOf("198.51.100.7", `10.0.0.${i}`, none));
    expect(new Set(forged)).toEqual(new Set(["198.51.100.7"]));
  });

  it("R-SEC-1 the server replaces a client-sent copy of its own header with the socket address", () => {
    const req = request("198.51.100.7", { "x-forwarded-for": "1.2.3.4", [SERVER_HEADER]: "6.6.6.6", "x-real-ip": "7.7.7.7" });
    setClientAddress(req, none);
    expect(req.headers[SERVER_HEADER]).toBe("198.51.100.7");
    expect(req.rawHeaders.filter((h) => h.toLowerCase() === SERVER_HEADER)).toHaveLength(1);
    expect(req.rawHeaders[req.rawHeaders.indexOf(SERVER_HEADER) + 1]).toBe("198.51.100.7");
    // The application reads that header, and only that one.
    expect(CLIENT_ADDRESS_HEADER).toBe(SERVER_HEADER);
    expect(clientAddress(new Headers({ [SERVER_HEADER]: "198.51.100.7", "x-forwarded-for": "1.2.3.4" }))).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "1.2.3.4" }))).toBeNull();
    expect(clientAddress({ [SERVER_HEADER]: "198.51.100.7", "x-forwarded-for": "1.2.3.4" })).toBe("198.51.100.7");
  });

  it("R-SEC-1 TRUST_PROXY=n takes the address n hops back, never further than the header goes", () => {
    const one = parseTrustProxy("1");
    // client 1.2.3.4 forged "9.9.9.9"; our proxy 10.0.0.5 appended the address it saw.
    expect(clientAddressOf("10.0.0.5", "9.9.9.9, 1.2.3.4", one)).toBe("1.2.3.4");
    expect(clientAddressOf("10.0.0.5", "9.9.9.9, 1.2.3.4, 172.16.0.2", parseTrustProxy("2"))).toBe("1.2.3.4");
    expect(clientAddressOf("10.0.0.5", undefined, one)).toBe("10.0.0.5");
    expect(clientAddressOf("10.0.0.5", "1.2.3.4", parseTrustProxy("5"))).toBe("1.2.3.4");
    // Garbage where an address should be stops at the proxy that passed it on.
    expect(clientAddressOf("10.0.0.5", "1.2.3.4, not-an-ip", one)).toBe("10.0.0.5");
  });

  it("R-SEC-1 TRUST_PROXY as a list trusts only those proxies", () => {
    const list = parseTrustProxy("10.0.0.0/8, 192.0.2.1, loopback");
    expect(clientAddressOf("10.0.0.5", "9.9.9.9, 1.2.3.4", list)).toBe("1.2.3.4");
    expect(clientAddressOf("127.0.0.1", "1.2.3.4, 192.0.2.1", list)).toBe("1.2.3.4");
    // A client that is not one of our proxies cannot choose its address by sending the header itself.
    expect(clientAddressOf("203.0.113.9", "1.2.3.4", list)).toBe("203.0.113.9");
    expect(clientAddressOf("::1", "2001:db8::1", list)).toBe("2001:db8::1");
  });

  it("R-SEC-1 TRUST_PROXY=true (trust anyone) and malformed entries are refused at start", () => {
    expect(() => parseTrustProxy("true")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy("10.0.0.0/x")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy("proxy.example")).toThrow(/TRUST_PROXY/);
    expect(parseTrustProxy("0")).toEqual({ hops: 0 });
    expect(parseTrustProxy("false")).toEqual({ hops: 0 });
  });
});
