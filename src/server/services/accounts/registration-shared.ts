import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { zodIssuesToChinese } from "@/lib/schemas/zod-zh";
import type { Queryable } from "@/server/db/open";
import { organisations, regions, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { FileKind } from "@/server/files/detect";
import { checkUpload } from "@/server/files/store";

/** Registration documents: jpg, png or pdf, 5 MB each (issue 3, item 8). */
export const DOCUMENT_RULES = { kinds: ["jpg", "png", "pdf"] as FileKind[], maxBytes: 5 * 1024 * 1024 };
export type DocumentKind = "business_licence" | "authorisation_letter" | "uscc_certificate";
export const DOCUMENT_LABEL: Record<DocumentKind, string> = {
  business_licence: "营业执照（统一社会信用代码证）",
  authorisation_letter: "法人授权书（签字盖章）",
  uscc_certificate: "统一社会信用代码证书",
};
/** Which documents each kind of organisation must upload. */
export const REQUIRED_DOCUMENTS: Record<"enterprise" | "institution" | "regulator", DocumentKind[]> = {
  enterprise: ["business_licence", "authorisation_letter"],
  institution: ["uscc_certificate"],
  regulator: [],
};

export type Upload = { name: string; bytes: Uint8Array };

/** Parses with a zod schema; a failure is a Chinese BAD_INPUT carrying per-field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of r.error.issues) {
      const k = String(i.path[0] ?? "form");
      fieldErrors[k] ??= i.message;
    }
    throw new AppError("BAD_INPUT", zodIssuesToChinese(r.error), { fieldErrors });
  }
  return r.data;
}

/** The region must exist at the expected level; returns the location codes to store. */
export async function locate(db: Queryable, code: string, level: "province" | "city" | "county") {
  const [r] = await db.select().from(regions).where(and(eq(regions.code, code), eq(regions.level, level))).limit(1);
  if (!r) throw new AppError("REGION_UNKNOWN", undefined, { fieldErrors: { regionCode: "所选地区不存在或级别不符，请重新选择" } });
  return {
    regionCode: r.code,
    provinceCode: r.provinceCode,
    cityCode: level === "province" ? null : (r.cityCode ?? (level === "city" ? r.code : null)),
    countyCode: level === "county" ? r.code : null,
  };
}

/** Every required document is present and passes the content checks, before anything is written. */
export async function checkDocuments(kind: keyof typeof REQUIRED_DOCUMENTS, uploads: Partial<Record<DocumentKind, Upload>>, required = true) {
  for (const doc of REQUIRED_DOCUMENTS[kind]) {
    const f = uploads[doc];
    if (!f || f.bytes.byteLength === 0) {
      if (required) throw new AppError("DOCUMENT_MISSING", `请上传${DOCUMENT_LABEL[doc]}`, { fieldErrors: { [doc]: `请上传${DOCUMENT_LABEL[doc]}` } });
      continue;
    }
    try {
      await checkUpload(f, DOCUMENT_RULES);
    } catch (err) {
      if (err instanceof AppError) throw new AppError("BAD_INPUT", err.message, { fieldErrors: { [doc]: err.message } });
      throw err;
    }
  }
}

export async function assertUsernameFree(db: Queryable, username: string) {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (u) throw new AppError("USERNAME_TAKEN", undefined, { fieldErrors: { username: "该用户名已被注册，请换一个" } });
}

export async function assertUsccFree(db: Queryable, uscc: string, exceptOrgId?: number) {
  const [o] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.uscc, uscc)).limit(1);
  if (o && o.id !== exceptOrgId)
    throw new AppError("USCC_TAKEN", undefined, { fieldErrors: { uscc: "该统一社会信用代码已注册" } });
}

/** Unique-index races end as the same Chinese conflicts as the pre-checks. */
export function mapUniqueViolation(err: unknown): never {
  const text = String((err as { cause?: { message?: string } })?.cause?.message ?? (err as Error)?.message ?? "");
  if (text.includes("users_username_uq")) throw new AppError("USERNAME_TAKEN");
  if (text.includes("organisations_uscc_uq")) throw new AppError("USCC_TAKEN");
  throw err;
}
