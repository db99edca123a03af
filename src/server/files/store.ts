import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { config } from "@/server/config";
import type { Queryable } from "@/server/db/open";
import { files } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { detectKind, type FileKind, KIND_LABEL } from "./detect";

export type StoredFile = typeof files.$inferSelect;

export type UploadRules = { kinds: FileKind[]; maxBytes: number };

function diskPath(id: string) {
  if (!/^[0-9a-f]{32}$/.test(id)) throw new AppError("NOT_FOUND");
  return path.join(config.uploadDir, id.slice(0, 2), id);
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * Checks one upload against the rules: size first, then the type by content. Throws a Chinese BAD_INPUT
 * error naming the file; nothing is stored.
 */
export async function checkUpload(file: { name: string; bytes: Uint8Array }, rules: UploadRules) {
  if (file.bytes.byteLength === 0) throw new AppError("BAD_INPUT", `文件“${file.name}”是空文件`);
  if (file.bytes.byteLength > rules.maxBytes)
    throw new AppError("BAD_INPUT", `文件“${file.name}”过大（${mb(file.bytes.byteLength)}），单个文件不超过 ${mb(rules.maxBytes)}`);
  const detected = await detectKind(file.bytes);
  if (!detected || !rules.kinds.includes(detected.kind))
    throw new AppError(
      "BAD_INPUT",
      `文件“${file.name}”的类型不受支持（按文件内容识别），只接受 ${rules.kinds.map((k) => KIND_LABEL[k]).join("、")} 文件`,
    );
  return detected;
}

/**
 * Stores an upload that passed `checkUpload`-style rules: writes the bytes under UPLOAD_DIR first, then the
 * row with `tx` (so a failed transaction leaves at most an orphan file on disk, never a row without bytes).
 */
export async function storeUpload(
  tx: Queryable,
  file: { name: string; bytes: Uint8Array },
  rules: UploadRules,
  owner: { userId: number | null; orgId: number | null },
): Promise<StoredFile> {
  const detected = await checkUpload(file, rules);
  const id = randomBytes(16).toString("hex");
  const target = diskPath(id);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.bytes, { flag: "wx" });
  const [row] = await tx
    .insert(files)
    .values({
      id,
      originalName: file.name.slice(0, 200) || "未命名",
      mime: detected.mime,
      ext: detected.kind,
      size: file.bytes.byteLength,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      uploadedBy: owner.userId,
      ownerOrgId: owner.orgId,
    })
    .returning();
  return row!;
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

/** Content-Disposition for a download with a Chinese file name. */
export function attachmentHeader(name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
