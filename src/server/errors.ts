import { TRPCError } from "@trpc/server";

/**
 * One list of domain error codes, each with its tRPC code and the Chinese message a user sees.
 * Areas add their codes here so that every message lives in one place.
 */
export const ERRORS = {
  UNAUTHENTICATED: { code: "UNAUTHORIZED", message: "请先登录，或登录已过期，请重新登录" },
  FORBIDDEN_ROLE: { code: "FORBIDDEN", message: "当前账户无权执行此操作" },
  NOT_FOUND: { code: "NOT_FOUND", message: "记录不存在或无权查看" },
  ACCOUNT_PENDING: { code: "FORBIDDEN", message: "账户尚未通过审核，暂不能办理业务" },
  ACCOUNT_DISABLED: { code: "UNAUTHORIZED", message: "账户已停用，请联系平台管理员" },
  BAD_INPUT: { code: "BAD_REQUEST", message: "输入有误，请检查后重试" },
  CONFLICT: { code: "CONFLICT", message: "记录已被他人修改，请刷新后重试" },
  RATE_LIMITED: { code: "TOO_MANY_REQUESTS", message: "操作过于频繁，请稍后再试" },
  // Ledger (SPEC §5)
  LEDGER_DUPLICATE: { code: "CONFLICT", message: "同一单位内生产厂家 + 出厂编号不能重复" },
  LEDGER_IN_FLOW: { code: "CONFLICT", message: "器具正在备案或预约流程中，不能修改" },
  LEDGER_NOT_DELETABLE: { code: "CONFLICT", message: "只能删除从未备案的器具" },
  LEDGER_BAD_TRANSITION: { code: "CONFLICT", message: "器具当前状态不允许此操作" },
  LEDGER_KIND_NOT_COMPULSORY: { code: "BAD_REQUEST", message: "该种别仅实行型式批准（P），不属于强制检定，不能登记为强检器具" },
  LEDGER_ATTACHMENTS_FULL: { code: "BAD_REQUEST", message: "每台器具的附件合计不超过 10 MB" },
  IMPORT_BAD_FILE: { code: "BAD_REQUEST", message: "文件不是有效的 Excel（.xlsx）文件" },
  IMPORT_TOO_BIG: { code: "BAD_REQUEST", message: "Excel 文件解压后超过 100 MB，已拒绝" },
  INTERNAL: { code: "INTERNAL_SERVER_ERROR", message: "系统繁忙，请稍后再试" },
} as const satisfies Record<string, { code: TRPCError["code"]; message: string }>;

export type AppErrorCode = keyof typeof ERRORS;

/** A domain error: thrown by services and domain rules, mapped to tRPC by `toTRPCError`. */
export class AppError extends Error {
  constructor(
    readonly appCode: AppErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? ERRORS[appCode].message);
    this.name = "AppError";
  }
}

export function toTRPCError(err: AppError): TRPCError {
  return new TRPCError({ code: ERRORS[err.appCode].code, message: err.message, cause: err });
}

export const notFound = () => new AppError("NOT_FOUND");
