import "server-only";
import { errorResponse as httpErrorResponse } from "@/server/api/errors";
import { asEnterprise, asSignedIn } from "@/server/authz/caller";
import { requestUser as session } from "@/server/http/request-user";
import { AppError } from "@/server/errors";
import { clientAddress } from "@/server/http/client-address";
import { isSameOrigin } from "@/server/http/same-origin";

/**
 * Route handlers of the ledger (files: Excel, attachments) use the guards tRPC uses (src/server/authz/caller.ts):
 * signed in, enterprise role, approved organisation; and for writes, a same-origin request (a form post from
 * another site, or a request with no Origin, is refused: route handlers get no CSRF protection of their own).
 */
export async function enterpriseCaller(req: Request, opts: { write: boolean }) {
  if (opts.write) {
    if (!isSameOrigin(req.headers)) throw new AppError("FORBIDDEN_ROLE", "请求来源无效，请刷新页面后重试");
  }
  const ip = clientAddress(req.headers);
  const { db, user } = await session(req);
  return { db, ...asEnterprise(user, ip) };
}

/** Any signed-in user with their scope (R-SCOPE-1…4), for downloads that follow the located-record scope. */
export async function scopedCaller(req: Request) {
  const { db, user } = await session(req);
  return { db, ...asSignedIn(user, null) };
}

/** The one HTTP mapping of domain errors (src/server/api/errors.ts), logged under the ledger's name. */
export const errorResponse = (e: unknown): Response => httpErrorResponse(e, "ledger");

/** The file of a multipart upload, as bytes with its name. */
export async function uploadedFile(req: Request, maxBytes: number) {
  const len = Number(req.headers.get("content-length") ?? 0);
  if (len > maxBytes + 64 * 1024) throw new AppError("BAD_INPUT", `文件过大，不超过 ${Math.round(maxBytes / 1048576)} MB`);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("BAD_INPUT", "请选择要上传的文件");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("BAD_INPUT", "请选择要上传的文件");
  if (file.size > maxBytes) throw new AppError("BAD_INPUT", `文件“${file.name}”过大，不超过 ${Math.round(maxBytes / 1048576)} MB`);
  return { form, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}
