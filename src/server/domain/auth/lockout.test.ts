import { describe, expect, it } from "vitest";
import { afterFailure, afterSuccess, isLocked, minutesLeft } from "./lockout";
import { passwordProblems } from "./password-rules";

const t0 = new Date("2026-11-23T02:00:00Z");

describe("lockout", () => {
  it("R-ACC-2 locks for 15 minutes on the 5th consecutive failure", () => {
    let s = afterSuccess();
    for (let i = 1; i <= 4; i++) {
      s = afterFailure(s, t0);
      expect(isLocked(s, t0)).toBe(false);
      expect(s.failedLogins).toBe(i);
    }
    s = afterFailure(s, t0);
    expect(isLocked(s, t0)).toBe(true);
    expect(minutesLeft(s, t0)).toBe(15);
    expect(isLocked(s, new Date(t0.getTime() + 15 * 60_000 - 1))).toBe(true);
    expect(isLocked(s, new Date(t0.getTime() + 15 * 60_000))).toBe(false);
  });

  it("R-ACC-2 a failure after the lock ran out starts counting afresh", () => {
    const expired = { failedLogins: 0, lockedUntil: new Date(t0.getTime() - 1) };
    expect(afterFailure(expired, t0)).toEqual({ failedLogins: 1, lockedUntil: null });
  });
});

describe("password rules", () => {
  it("R-ACC-2 requires 8–20 characters with digits, upper and lower case", () => {
    expect(passwordProblems("Demo@2026")).toEqual([]);
    expect(passwordProblems("Abc1234")).toContain("密码长度须为 8–20 位");
    expect(passwordProblems("A".repeat(10) + "a1".repeat(6))).toContain("密码长度须为 8–20 位");
    expect(passwordProblems("abcdefg1")).toEqual(["密码须包含大写字母"]);
    expect(passwordProblems("ABCDEFG1")).toEqual(["密码须包含小写字母"]);
    expect(passwordProblems("Abcdefgh")).toEqual(["密码须包含数字"]);
  });
});
