import "server-only";
import { errorResponse as httpErrorResponse } from "@/server/api/errors";
import { asRegulator, asSignedIn } from "@/server/authz/caller";
import { scopeOf } from "@/server/authz/scope";
import { AppError } from "@/server/errors";
import { clientAddress } from "@/server/http/client-address";
import { requestUser as session } from "@/server/http/request-user";
import { isSameOrigin } from "@/server/http/same-origin";

/**
 * Route handlers of the regulator workspace (Excel export and import, notice attachments) use the guards
 * tRPC uses: signed in, regulator role, approved organisation; writes only from the same origin.
 */
export async function regulatorCaller(req: Request, opts: { write: boolean }) {
  if (opts.write && !isSameOrigin(req.headers)) throw new AppError("FORBIDDEN_ROLE", "请求来源无效，请刷新页面后重试");
  const { db, user } = await session(req);
  return { db, ...asRegulator(user, clientAddress(req.headers)) };
}

/** Anyone, signed in or not, with the scope their session gives (public downloads of published notices). */
export async function anyCaller(req: Request) {
  const { db, user } = await session(req);
  if (!user) return { db, scope: scopeOf({ user: null }) };
  try {
    return { db, scope: asSignedIn(user, null).scope };
  } catch {
    return { db, scope: scopeOf({ user: null }) };
  }
}

export const errorResponse = (e: unknown): Response => httpErrorResponse(e, "regulator");
