/**
 * The public lookup pages (`/v/`, `/i/`, the search answer) as plain server-built HTML: phone first, no client
 * JavaScript, one inline stylesheet — the fastest thing a phone can open after a scan (issue 11 #1, #7).
 * Every interpolated value goes through `esc`.
 */
import { PERMISSIONS_POLICY } from "@/server/http/csp";
import { FILE_CHECK_SCRIPT_CSP } from "./file-check";

export type Html = { readonly __html: string };

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function esc(v: unknown): string {
  return String(v ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Tagged template: values are escaped unless they are already Html (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += part(v) + strings[i + 1]!;
  });
  return { __html: out };
}
function part(v: unknown): string {
  if (v == null || v === false) return "";
  if (Array.isArray(v)) return v.map(part).join("");
  if (typeof v === "object" && "__html" in (v as object)) return (v as Html).__html;
  return esc(v);
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#111827;background:#f3f4f6;line-height:1.5}
header{background:#1e40af;color:#fff;padding:12px 16px;font-weight:600}header a{color:#fff;text-decoration:none}
main{max-width:640px;margin:0 auto;padding:16px}
.state{border-radius:12px;padding:20px 16px;text-align:center;margin-bottom:16px;border:2px solid}
.state .word{display:block;font-size:2.5rem;font-weight:700;letter-spacing:.1em}
.state .mark{font-size:2rem;display:block;line-height:1}
.state p{margin:4px 0 0}
.valid{background:#dcfce7;color:#14532d;border-color:#15803d}.expiring{background:#fef3c7;color:#78350f;border-color:#b45309}
.expired{background:#ffedd5;color:#7c2d12;border-color:#c2410c}.revoked,.failed{background:#fee2e2;color:#7f1d1d;border-color:#b91c1c}
.none{background:#e5e7eb;color:#1f2937;border-color:#6b7280}
section.card{background:#fff;border-radius:12px;padding:4px 16px;margin-bottom:16px}
h1{font-size:1.25rem;margin:0 0 12px}h2{font-size:1rem;margin:12px 0 4px;color:#374151}
dl{margin:0}dl div{display:flex;gap:12px;padding:8px 0;border-bottom:1px solid #e5e7eb}dl div:last-child{border-bottom:0}
dt{flex:0 0 7em;color:#4b5563}dd{margin:0;word-break:break-all;flex:1}
a{color:#1d4ed8}.muted{color:#4b5563;font-size:.875rem}
form{display:flex;gap:8px;margin:8px 0 16px}input{flex:1;min-width:0;font:inherit;padding:10px 12px;border:1px solid #9ca3af;border-radius:8px}
button{font:inherit;padding:10px 16px;border:0;border-radius:8px;background:#1e40af;color:#fff}
footer{text-align:center;color:#4b5563;font-size:.75rem;padding:16px}
.fc{border:2px solid;border-radius:8px;padding:8px 12px;word-break:break-all}.fc:empty{display:none}code{word-break:break-all}
.fcf{position:absolute;width:1px;height:1px;opacity:0}.btn{display:inline-block;padding:10px 16px;border-radius:8px;background:#1e40af;color:#fff;cursor:pointer}.fcf:focus-visible+.btn{outline:3px solid #f59e0b;outline-offset:2px}
`;

/** The page shell: noindex (R-PUB-1), a title, the header back to the portal, the content. */
export function page(title: string, body: Html): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow"><title>${esc(title)} · 强检通</title><style>${CSS}</style></head><body><header><a href="/">强检通 · 计量器具强制检定服务平台</a></header><main>${body.__html}</main><footer>强检通 · 扫码核验 · 如有疑问请联系出具证书的检定机构</footer></body></html>`;
}

/** One row of a details list; empty values are left out. */
export function row(label: string, value: string | null | undefined, testId?: string): Html {
  if (!value) return html``;
  return testId ? html`<div><dt>${label}</dt><dd data-testid="${testId}">${value}</dd></div>` : html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

/**
 * Security headers of these pages: no script may run but the one file check (allowed by its hash, R-PUB-4),
 * nothing may frame them, search engines keep out.
 */
export const PUBLIC_PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": `default-src 'none'; script-src ${FILE_CHECK_SCRIPT_CSP}; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  "x-robots-tag": "noindex, nofollow",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  // The two of next.config.mjs's site-wide headers that these pages do not already set more strictly: the
  // production server answers them without Next (server.mjs), so they are stated here too.
  "x-frame-options": "DENY",
  "permissions-policy": PERMISSIONS_POLICY,
};
