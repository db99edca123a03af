"use server";

import type { RegistrationKind } from "@/lib/schemas/accounts";
import { getSessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { actionFailure, type ActionResult } from "@/server/api/errors";
import { asSignedIn } from "@/server/authz/caller";
import { ERRORS } from "@/server/errors";
import { registerAccount } from "@/server/services/accounts/register";
import type { DocumentKind, Upload } from "@/server/services/accounts/registration-shared";
import { resubmitRegistration } from "@/server/services/accounts/resubmit-registration";
import { assertSameOrigin, clientIp } from "@/server/actions/request-guard";

export type { ActionResult };

const KINDS: RegistrationKind[] = ["enterprise", "institution", "regulator", "personal"];
const DOCS: DocumentKind[] = ["business_licence", "authorisation_letter", "uscc_certificate"];

async function split(form: FormData) {
  const fields: Record<string, string> = {};
  const uploads: Partial<Record<DocumentKind, Upload>> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] = value;
    else if (DOCS.includes(key as DocumentKind) && value.size > 0)
      uploads[key as DocumentKind] = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { fields, uploads };
}

const failure = (err: unknown) => actionFailure(err, "registration");

const BAD_ORIGIN: ActionResult = { ok: false, message: "请求来源无效，请刷新页面后重试" };

/** Registration of any kind with its uploads (SPEC §4); the service checks everything before writing. */
export async function registerAction(kind: RegistrationKind, form: FormData): Promise<ActionResult> {
  if (!(await assertSameOrigin())) return BAD_ORIGIN;
  if (!KINDS.includes(kind)) return { ok: false, message: ERRORS.BAD_INPUT.message };
  try {
    const { fields, uploads } = await split(form);
    await registerAccount((await getDb()).db, kind, fields, uploads, await clientIp());
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

/** The owner of a rejected registration corrects it and submits it again (R-ACC-3). */
export async function resubmitAction(form: FormData): Promise<ActionResult> {
  if (!(await assertSameOrigin())) return BAD_ORIGIN;
  try {
    const { user, actor } = asSignedIn(await getSessionUser(), await clientIp());
    const { fields, uploads } = await split(form);
    await resubmitRegistration((await getDb()).db, user, actor, fields, uploads);
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}
