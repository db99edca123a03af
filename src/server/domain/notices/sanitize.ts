import sanitizeHtml from "sanitize-html";
import type { NoticeState } from "@/lib/vocab";
import { AppError } from "@/server/errors";

/**
 * The one sanitiser of notice text (issue 12 item 4), run on every write so the stored HTML is what every
 * reader — the public portal included — may render. Allow-list: sanitize-html's defaults (headings, lists,
 * tables, links, emphasis) plus images over http(s); scripts, styles, iframes, event handlers (on…) and any
 * link or image whose scheme is not http, https or mailto (javascript:, data:, vbscript:) are removed.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((t) => t !== "style"), "img"],
  allowedAttributes: { a: ["href", "title", "rel"], img: ["src", "alt", "title", "width", "height"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }, true) },
};

export function sanitizeNoticeHtml(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS).trim();
  // A text made only of removed parts (a script, an empty tag) is no notice.
  if (sanitizeHtml(clean, { allowedTags: ["img"], allowedAttributes: { img: ["src"] } }).trim() === "") throw new AppError("NOTICE_EMPTY");
  return clean;
}

/** Plain text of a notice for list excerpts. */
export function noticeExcerpt(html: string, max = 80): string {
  // Block ends become spaces, so a table's cells or list items do not run together.
  const spaced = html.replace(/<\/(p|li|td|th|h[1-6]|tr|div|blockquote)>|<br\s*\/?>/gi, "$& ");
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export type NoticeAction = "publish" | "withdraw";

/** 发布 from 草稿 or 已撤回; 撤回 only what is published. */
export function noticeTransition(state: NoticeState, action: NoticeAction): NoticeState {
  if (action === "publish" && (state === "draft" || state === "withdrawn")) return "published";
  if (action === "withdraw" && state === "published") return "withdrawn";
  throw new AppError("NOTICE_STATE_CHANGED");
}
