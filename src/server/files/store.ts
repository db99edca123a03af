import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { config } from "@/server/config";
import type { Queryable } from "@/server/db/open";
import { files } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { embeddedArchive, inspectRar, pdfComplete } from "@/server/domain/files/content";
import { safeFileName } from "@/server/domain/files/file-name";
import { extensionOf, KIND_EXTENSIONS } from "@/server/domain/files/kinds";
import { checkZip, unsafeEntryName, type ZipLimits, type ZipRefusal } from "@/server/domain/files/zip-guard";
import { detectKind, type FileKind, KIND_LABEL } from "./detect";

export type StoredFile = typeof files.$inferSelect;

/** Which kinds an upload path takes, its size cap, and the caps for what an archive may unpack to. */
export type UploadRules = { kinds: FileKind[]; maxBytes: number; archive?: ZipLimits };
export const ARCHIVE_LIMITS: ZipLimits = { maxEntries: 1000, maxUnpackedBytes: 100 * 1024 * 1024 };

const CHECKED = Symbol("checked upload");
/** An upload that passed `checkUpload`: its safe name and the kind its content proved. */
export type CheckedUpload = { name: string; bytes: Uint8Array; kind: FileKind; mime: string; readonly [CHECKED]: true };

function diskPath(id: string) {
  if (!/^[0-9a-f]{32}$/.test(id)) throw new AppError("NOT_FOUND");
  return path.join(config.uploadDir, id.slice(0, 2), id);
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

const ZIP_PROBLEM: Record<Exclude<ZipRefusal, "not_zip" | "corrupt">, (l: ZipLimits, entry?: string) => string> = {
  too_big: (l) => `解压后超过 ${mb(l.maxUnpackedBytes)}（疑似压缩炸弹），已拒绝`,
  too_many: (l) => `包含的文件超过 ${l.maxEntries} 个，已拒绝`,
  unsafe_name: (_l, entry) => `包含不安全的路径“${safeFileName(entry ?? "", "?")}”（如 ../、绝对路径或盘符），已拒绝`,
  encrypted: () => "是加密的压缩包，无法检查其内容，请解除密码后再上传",
  unsupported: () => "使用了不支持的压缩方式，请用常见的 ZIP 格式重新压缩后上传",
};

/** What is wrong with the content of a file of a known kind (in Chinese, after the file's name), or null. */
async function contentProblem(kind: FileKind, bytes: Uint8Array, limits: ZipLimits): Promise<string | null> {
  if (kind === "zip") {
    const zip = await checkZip(bytes, limits);
    if (zip.ok) return null;
    if (zip.reason === "not_zip" || zip.reason === "corrupt" || zip.reason === "not_xlsx") return "不是完整有效的 ZIP 压缩包（可能已损坏），已拒绝";
    return ZIP_PROBLEM[zip.reason](limits, zip.entry);
  }
  if (kind === "rar") {
    const rar = inspectRar(bytes, limits, unsafeEntryName);
    if (rar.ok) return null;
    if (rar.reason === "not_rar") return "不是完整有效的 RAR 压缩包（可能已损坏），已拒绝";
    return ZIP_PROBLEM[rar.reason](limits, rar.entry);
  }
  if (kind === "pdf" && !pdfComplete(bytes)) return "不是完整的 PDF 文件（缺少文件头或结尾标记），可能已损坏或未传完整，已拒绝";
  const hidden = embeddedArchive(bytes);
  if (hidden) return `在 ${KIND_LABEL[kind]} 内容中藏有 ${KIND_LABEL[hidden]} 压缩包（伪装文件），已拒绝`;
  return null;
}

/**
 * Checks one upload against the rules before anything is stored (R-LED-3, R-SEC-2): not empty, not over the
 * size cap, a kind this path takes by content (magic bytes), a file-name extension that agrees with that
 * content, and a content that is what it claims (complete PDF, safe archive, no archive hidden behind a
 * picture or PDF). Throws a Chinese BAD_INPUT error naming the file.
 */
export async function checkUpload(file: { name: string; bytes: Uint8Array }, rules: UploadRules): Promise<CheckedUpload> {
  const name = safeFileName(file.name);
  const refuse = (why: string) => new AppError("BAD_INPUT", `文件“${name}”${why}`);
  if (file.bytes.byteLength === 0) throw refuse("是空文件");
  if (file.bytes.byteLength > rules.maxBytes)
    throw refuse(`过大（${mb(file.bytes.byteLength)}），单个文件不超过 ${mb(rules.maxBytes)}`);
  const detected = await detectKind(file.bytes);
  if (!detected || !rules.kinds.includes(detected.kind))
    throw refuse(`的类型不受支持（按文件内容识别），只接受 ${rules.kinds.map((k) => KIND_LABEL[k]).join("、")} 文件`);
  const ext = extensionOf(name);
  if (!KIND_EXTENSIONS[detected.kind].includes(ext))
    throw refuse(
      `的扩展名${ext ? `“.${ext}”` : "（无）"}与文件内容（${KIND_LABEL[detected.kind]}）不符，请确认文件后以正确的扩展名上传`,
    );
  const problem = await contentProblem(detected.kind, file.bytes, rules.archive ?? ARCHIVE_LIMITS);
  if (problem) throw refuse(problem);
  return { name, bytes: file.bytes, kind: detected.kind, mime: detected.mime, [CHECKED]: true };
}

/**
 * Stores an upload — checked here against `rules` unless it is already a `CheckedUpload` — writing the bytes
 * under UPLOAD_DIR first, then the row with `tx` (never a row without bytes). Inside `withUploadCleanup`, pass
 * its `written` list so a transaction that fails later removes these bytes too.
 */
export async function storeUpload(
  tx: Queryable,
  file: { name: string; bytes: Uint8Array } | CheckedUpload,
  rules: UploadRules,
  owner: { userId: number | null; orgId: number | null },
  written?: string[],
): Promise<StoredFile> {
  const checked = CHECKED in file ? file : await checkUpload(file, rules);
  return writeStoredFile(tx, { name: checked.name, bytes: checked.bytes, mime: checked.mime, ext: checked.kind }, owner, written);
}

/**
 * Stores a file the platform made itself (a signed certificate PDF, R-PUB-4): no upload checks (its content
 * is ours), otherwise exactly like an upload — bytes under UPLOAD_DIR first, then the row with `tx`.
 */
export async function storeGeneratedFile(
  tx: Queryable,
  file: { name: string; bytes: Uint8Array; mime: string; ext: string },
  owner: { userId: number | null; orgId: number | null },
  written?: string[],
): Promise<StoredFile> {
  return writeStoredFile(tx, { ...file, name: safeFileName(file.name) }, owner, written);
}

async function writeStoredFile(
  tx: Queryable,
  checked: { name: string; bytes: Uint8Array; mime: string; ext: string },
  owner: { userId: number | null; orgId: number | null },
  written?: string[],
): Promise<StoredFile> {
  const id = randomBytes(16).toString("hex");
  const target = diskPath(id);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, checked.bytes, { flag: "wx" });
  written?.push(id);
  try {
    const [row] = await tx
      .insert(files)
      .values({
        id,
        originalName: checked.name,
        mime: checked.mime,
        ext: checked.ext,
        size: checked.bytes.byteLength,
        sha256: createHash("sha256").update(checked.bytes).digest("hex"),
        uploadedBy: owner.userId,
        ownerOrgId: owner.orgId,
      })
      .returning();
    return row!;
  } catch (err) {
    if (!written) await removeUploadBytes(id);
    throw err;
  }
}

/**
 * Runs `work` — a transaction that stores uploads, passing `written` to `storeUpload` — and removes the
 * bytes it wrote if it fails, so a rolled-back transaction leaves no file behind either.
 */
export async function withUploadCleanup<T>(work: (written: string[]) => Promise<T>): Promise<T> {
  const written: string[] = [];
  try {
    return await work(written);
  } catch (err) {
    await Promise.all(written.map((id) => removeUploadBytes(id)));
    throw err;
  }
}

/** Reads a stored file's bytes; the caller must have checked that the file is in the caller's scope. */
export async function readUpload(db: Queryable, id: string): Promise<{ file: StoredFile; bytes: Buffer }> {
  const [file] = await db.select().from(files).where(eq(files.id, id)).limit(1);
  if (!file) throw new AppError("NOT_FOUND");
  return { file, bytes: await readFile(diskPath(id)) };
}

/** Deletes the row with `tx`; the bytes go after the caller's transaction commits (call `removeUploadBytes`). */
export async function deleteUploadRow(tx: Queryable, id: string) {
  await tx.delete(files).where(eq(files.id, id));
}

export async function removeUploadBytes(id: string) {
  await rm(diskPath(id), { force: true });
}

/** Content-Disposition for a download with a Chinese file name; the name is cut to its safe base name. */
export function attachmentHeader(raw: string) {
  const name = safeFileName(raw);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
