/**
 * The name an upload is stored and downloaded under (issue 9 item 8): the base name only — a client may send
 * `../../x.pdf` or `C:\\x.pdf` — without control characters (including bidi overrides that can disguise an
 * extension, e.g. `报告\u202Efdp.exe`), at most 200 characters with the extension kept.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const MAX = 200;

export function safeFileName(raw: string, fallback = "未命名"): string {
  const base = (raw.split(/[\\/]/).pop() ?? "").replace(INVISIBLE, "").trim();
  // "." and ".." (or only dots) name no file of their own.
  if (/^\.*$/.test(base)) return fallback;
  if (base.length <= MAX) return base;
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return base.slice(0, MAX - ext.length) + ext;
}
