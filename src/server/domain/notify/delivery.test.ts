import { describe, expect, it } from "vitest";
import { afterFailure, errorText, manualRetry, MAX_ATTEMPTS, retryDelayMs } from "./delivery";

describe("R-NTF-1 retry schedule", () => {
  it("doubles from one minute and stops growing at six hours", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360]);
  });
  it("queues a failed attempt again after the backoff until the last attempt, which fails for good", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(afterFailure(1, now)).toEqual({ status: "pending", nextAttemptAt: new Date("2026-01-01T00:01:00Z") });
    expect(afterFailure(3, now)).toEqual({ status: "pending", nextAttemptAt: new Date("2026-01-01T00:04:00Z") });
    expect(afterFailure(MAX_ATTEMPTS - 1, now)).toMatchObject({ status: "pending" });
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
    expect(afterFailure(MAX_ATTEMPTS + 1, now)).toEqual({ status: "failed" });
  });
  it("keeps an error as one short line", () => {
    expect(errorText(new Error("网关\n超时"))).toBe("网关 超时");
    expect(errorText("x".repeat(900))).toHaveLength(500);
  });
});

describe("issue 13 #6 an administrator's retry", () => {
  it("makes only a failed message due now, with its attempts reset to 0", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(manualRetry("failed", now)).toEqual({ status: "pending", attempts: 0, nextAttemptAt: now });
    for (const status of ["pending", "sending", "sent"]) expect(manualRetry(status, now)).toBeNull();
  });
});
