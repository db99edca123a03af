import { describe, expect, it, vi } from "vitest";
import { AppError, ERRORS } from "@/server/errors";
import { actionFailure, errorResponse, toTRPCError } from "./errors";

describe("one mapping of domain errors for tRPC, route handlers and server actions (issue 8 step 3)", () => {
  it("tRPC: the code of the domain error's class, its Chinese message, the AppError as cause", () => {
    const err = toTRPCError(new AppError("PASSWORD_CHANGE_REQUIRED"));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toBe("管理员要求您重设密码，请先修改密码");
    expect(err.cause).toBeInstanceOf(AppError);
  });

  it("HTTP: each class has its status, the body carries message and appCode, expected errors are not logged", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const cases = [
      ["BAD_INPUT", 400],
      ["UNAUTHENTICATED", 401],
      ["FORBIDDEN_ROLE", 403],
      ["NOT_FOUND", 404],
      ["CONFLICT", 409],
      ["RATE_LIMITED", 429],
    ] as const;
    for (const [code, status] of cases) {
      const res = errorResponse(new AppError(code));
      expect(res.status, code).toBe(status);
      expect(await res.json()).toEqual({ message: ERRORS[code].message, appCode: code });
    }
    expect(log).not.toHaveBeenCalled();
    const res = errorResponse(new Error("select * from secrets"));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: ERRORS.INTERNAL.message });
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });

  it("server actions: the domain message with its field errors; NOT_FOUND always says the same; unexpected errors say nothing inside", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(actionFailure(new AppError("BAD_INPUT", "请上传营业执照", { fieldErrors: { business_licence: "请上传营业执照" } }))).toEqual({
      ok: false,
      message: "请上传营业执照",
      fieldErrors: { business_licence: "请上传营业执照" },
    });
    expect(actionFailure(new AppError("NOT_FOUND", "未找到该单位 42"))).toEqual({ ok: false, message: ERRORS.NOT_FOUND.message, fieldErrors: undefined });
    expect(actionFailure(new Error("connection refused 10.0.0.5"))).toEqual({ ok: false, message: ERRORS.INTERNAL.message });
    log.mockRestore();
  });
});
