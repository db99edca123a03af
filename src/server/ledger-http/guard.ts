import "server-only";
import { errorResponse as httpErrorResponse } from "@/server/api/errors";
import { asEnterprise, asSignedIn } from "@/server/authz/caller";
import { requestUser as session } from "@/server/http/request-user";
import { AppError } from "@/server/errors";
import { clientAddress } from "@/server/http/client-address";
import { isSameOrigin } from "@/server/http/same-origin";
import { boundaryOf, fieldText, MultipartError, type MultipartPart, parseMultipart, readBody } from "@/server/http/multipart";

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

/**
 * The file of a multipart upload read with one copy of the body (src/server/http/multipart.ts): the file's
 * bytes are a view into it. For the ledger import (issue 14 item 3), whose 10 MB files `formData()` held four
 * times over. Same refusals and messages as `uploadedFile`; text fields come back in `fields`.
 */
export async function uploadedFileLean(req: Request, maxBytes: number) {
  const mb = Math.round(maxBytes / 1048576);
  const len = Number(req.headers.get("content-length") ?? 0);
  if (len > maxBytes + 64 * 1024) throw new AppError("BAD_INPUT", `文件过大，不超过 ${mb} MB`);
  const boundary = boundaryOf(req.headers.get("content-type"));
  if (!boundary) throw new AppError("BAD_INPUT", "请选择要上传的文件");
  let parts: MultipartPart[];
  try {
    parts = parseMultipart(await readBody(req.body, len, maxBytes + 64 * 1024), boundary);
  } catch (e) {
    if (e instanceof MultipartError && e.reason === "too_big") throw new AppError("BAD_INPUT", `文件过大，不超过 ${mb} MB`);
    throw new AppError("BAD_INPUT", "请选择要上传的文件");
  }
  const file = parts.find((p) => p.name === "file" && p.filename !== null);
  if (!file) throw new AppError("BAD_INPUT", "请选择要上传的文件");
  if (file.data.byteLength > maxBytes) throw new AppError("BAD_INPUT", `文件“${file.filename}”过大，不超过 ${mb} MB`);
  const fields = new Map(parts.filter((p) => p.filename === null).map((p) => [p.name, fieldText(p)]));
  return { fields, file: { name: file.filename!, bytes: file.data } };
}
