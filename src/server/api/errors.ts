import "server-only";
import { TRPCError } from "@trpc/server";
import { AppError, ERRORS, type ErrorClass } from "@/server/errors";

/**
 * The one place where domain errors (AppError, transport-free) become what a transport sends: a tRPC error,
 * an HTTP response for route handlers, or the result object of a server action. Unexpected errors are
 * logged once, server-side, and answered with the generic message (no stack trace reaches a user).
 */

export function toTRPCError(err: AppError): TRPCError {
  return new TRPCError({ code: ERRORS[err.appCode].code, message: err.message, cause: err });
}

const STATUS: Record<ErrorClass, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** The HTTP status of a domain error code. */
export const httpStatusOf = (err: AppError) => STATUS[ERRORS[err.appCode].code] ?? 400;

/** A JSON error body { message, appCode } with the status of the domain code; unexpected errors are logged once. */
export function errorResponse(e: unknown, area = "http"): Response {
  if (e instanceof AppError) return Response.json({ message: e.message, appCode: e.appCode }, { status: httpStatusOf(e) });
  console.error(`[${area}] request failed`, e);
  return Response.json({ message: ERRORS.INTERNAL.message }, { status: 500 });
}

/** What a server action answers. */
export type ActionResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** A server action's refusal: the domain message (NOT_FOUND always says the same), field errors if any. */
export function actionFailure(err: unknown, area = "action"): ActionResult {
  if (err instanceof AppError) {
    const fieldErrors = (err.details?.fieldErrors as Record<string, string> | undefined) ?? undefined;
    return { ok: false, message: err.appCode === "NOT_FOUND" ? ERRORS.NOT_FOUND.message : err.message, fieldErrors };
  }
  console.error(`[${area}] failed:`, err);
  return { ok: false, message: ERRORS.INTERNAL.message };
}
