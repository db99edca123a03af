/**
 * R-LED-1: manufacturer and serial number compare trimmed, with full-width characters folded to half-width
 * (NFKC: "ＡＢ１２" → "AB12", U+3000 → space) and case-insensitively. Inner runs of spaces count as one.
 */
export function normaliseForDuplicates(value: string): string {
  return value.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
