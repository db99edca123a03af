import { describe, expect, it } from "vitest";
import { codeUsable, newCode, rateLimitProblem } from "./sms-code";

const now = new Date("2026-11-23T04:00:00Z");
const later = (s: number) => new Date(now.getTime() + s * 1000);

describe("R-ACC-4 SMS codes", () => {
  it("R-ACC-4 a code is 6 digits, also when the random number is small", () => {
    expect(newCode(() => 42)).toBe("000042");
    expect(newCode(() => 999999)).toBe("999999");
  });
  it("R-ACC-4 a code expires after 5 minutes", () => {
    const row = { expiresAt: later(300), attempts: 0, usedAt: null };
    expect(codeUsable(row, later(299)).ok).toBe(true);
    expect(codeUsable(row, later(300))).toEqual({ ok: false, reason: "expired" });
  });
  it("R-ACC-4 a code allows 5 tries, then is void", () => {
    expect(codeUsable({ expiresAt: later(300), attempts: 4, usedAt: null }, now).ok).toBe(true);
    expect(codeUsable({ expiresAt: later(300), attempts: 5, usedAt: null }, now)).toEqual({ ok: false, reason: "tries" });
  });
  it("R-ACC-4 a used code cannot be used again; no code at all is refused", () => {
    expect(codeUsable({ expiresAt: later(300), attempts: 0, usedAt: now }, now)).toEqual({ ok: false, reason: "used" });
    expect(codeUsable(undefined, now)).toEqual({ ok: false, reason: "none" });
  });
  it("R-ACC-4 requests are rate-limited per phone (1 a minute, 5 an hour) and per client address (20 an hour)", () => {
    expect(rateLimitProblem({ phoneLastAt: null, phoneLastHour: 0, ipLastHour: 0 }, now)).toBeNull();
    expect(rateLimitProblem({ phoneLastAt: later(-30), phoneLastHour: 1, ipLastHour: 1 }, now)).toMatch(/30 秒后再试/);
    expect(rateLimitProblem({ phoneLastAt: later(-61), phoneLastHour: 4, ipLastHour: 4 }, now)).toBeNull();
    expect(rateLimitProblem({ phoneLastAt: later(-61), phoneLastHour: 5, ipLastHour: 5 }, now)).toMatch(/最多获取 5 次/);
    expect(rateLimitProblem({ phoneLastAt: null, phoneLastHour: 0, ipLastHour: 20 }, now)).toMatch(/当前网络/);
  });
});
