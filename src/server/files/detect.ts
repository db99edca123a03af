import "server-only";
import { fileTypeFromBuffer } from "file-type";
import type { FileKind } from "@/server/domain/files/kinds";

export { type FileKind, KIND_LABEL } from "@/server/domain/files/kinds";

const MIME: Record<FileKind, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  pdf: "application/pdf",
  zip: "application/zip",
  rar: "application/vnd.rar",
};

/** The kind of a file by its content (magic bytes), or null when it is none of the kinds we accept at all. */
export async function detectKind(bytes: Uint8Array): Promise<{ kind: FileKind; mime: string } | null> {
  const t = await fileTypeFromBuffer(bytes);
  if (!t) return null;
  const kind: FileKind | undefined =
    t.ext === "jpg" ? "jpg" : t.ext === "png" ? "png" : t.ext === "pdf" ? "pdf" : t.ext === "zip" ? "zip" : t.ext === "rar" ? "rar" : undefined;
  return kind ? { kind, mime: MIME[kind] } : null;
}
