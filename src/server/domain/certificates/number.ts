import type { CertificateKind } from "@/lib/vocab";
import { AppError } from "@/server/errors";

/**
 * R-RES-2 document numbers from a per-institution template. Placeholders: {code} (the institution's short
 * code), {YYYY}, {MM}, {DD} (China day of issue), {seqN} (the sequence, zero-padded to N digits, 3–8).
 * Sequences run per institution, per kind and per year, so a template must contain {YYYY} and a {seqN}.
 * Fail notices have their own sequence, so their default differs from the certificates' (a "T" after the
 * code) to keep the two kinds' numbers apart; the database's unique index is the last word either way.
 */
export const DEFAULT_TEMPLATES: Record<CertificateKind, string> = {
  certificate: "{code}{YYYY}{seq6}",
  fail_notice: "{code}T{YYYY}{seq6}",
};

const TOKEN = /\{(code|YYYY|MM|DD|seq[3-8])\}/g;

export function assertValidTemplate(template: string): void {
  const literal = template.replace(TOKEN, "");
  const seqs = template.match(/\{seq[3-8]\}/g) ?? [];
  if (!template.includes("{YYYY}") || seqs.length !== 1 || !/^[A-Za-z0-9-]*$/.test(literal) || template.length > 60) {
    throw new AppError("CERT_TEMPLATE_INVALID");
  }
}

export function formatDocumentNumber(template: string, v: { code: string; day: string; seq: number }): string {
  return template.replace(TOKEN, (_, t: string) => {
    if (t === "code") return v.code;
    if (t === "YYYY") return v.day.slice(0, 4);
    if (t === "MM") return v.day.slice(5, 7);
    if (t === "DD") return v.day.slice(8, 10);
    const width = Number(t.slice(3));
    const s = String(v.seq);
    if (s.length > width) throw new Error(`document sequence ${v.seq} does not fit {seq${width}}`);
    return s.padStart(width, "0");
  });
}

/** The code used in numbers: the institution's short code, or a stable fallback from its id. */
export function institutionNumberCode(code: string | null, institutionId: number): string {
  return code && /^[A-Za-z0-9]+$/.test(code) ? code.toUpperCase() : `JG${institutionId}`;
}
