/** The kinds of file the platform accepts anywhere (R-LED-3), and the file-name extensions each may carry (R-SEC-2). */
export type FileKind = "jpg" | "png" | "pdf" | "zip" | "rar";

export const KIND_LABEL: Record<FileKind, string> = { jpg: "JPG", png: "PNG", pdf: "PDF", zip: "ZIP", rar: "RAR" };

export const KIND_EXTENSIONS: Record<FileKind, readonly string[]> = {
  jpg: ["jpg", "jpeg"],
  png: ["png"],
  pdf: ["pdf"],
  zip: ["zip"],
  rar: ["rar"],
};

/** The lower-case extension of a file name ("" when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}
