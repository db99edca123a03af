/**
 * Masking of personal data on public pages (R-SCOPE-5, R-PUB-1): mobile phone numbers, resident ID numbers and
 * people's names other than the verifier's. Organisation names, addresses and landline switchboards are public.
 * Pure; the public services apply it to every field they return.
 */

const MOBILE = /(?<!\d)(\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
const RESIDENT_ID = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/** 13800138000 → 138****8000; a landline (area code + number) stays as it is: it is an organisation's line. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone == null) return null;
  return maskText(phone);
}

/** 440111199001011234 → 440111********1234. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (id == null) return null;
  const v = id.trim();
  if (v.length <= 4) return "*".repeat(v.length);
  return `${v.slice(0, Math.min(6, v.length - 4))}${"*".repeat(Math.max(0, v.length - 4 - Math.min(6, v.length - 4)))}${v.slice(-4)}`;
}

/** A person's name: the family name stays, the rest becomes stars (张三 → 张*, 欧阳娜娜 → 欧***). */
export function maskName(name: string | null | undefined): string | null {
  if (name == null) return null;
  const chars = Array.from(name.trim());
  if (chars.length === 0) return "";
  if (chars.length === 1) return "*";
  return chars[0] + "*".repeat(chars.length - 1);
}

/** Free text (addresses, conclusions, applicant names): mobile numbers and resident ID numbers inside it are masked. */
export function maskText(text: string | null | undefined): string | null {
  if (text == null) return null;
  return text
    .replace(RESIDENT_ID, (m) => `${m.slice(0, 6)}********${m.slice(-4)}`)
    .replace(MOBILE, (_m, cc: string | undefined, a: string, _b: string, c: string) => `${cc ?? ""}${a}****${c}`);
}
