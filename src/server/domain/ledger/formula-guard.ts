/**
 * Spreadsheet formula injection (CSV injection, OWASP): a text cell that begins with = + - @ or a tab /
 * carriage return becomes a live formula once someone edits the cell or saves the export as CSV. The export
 * writes such text with a leading apostrophe (the quote prefix); the import takes that apostrophe off again,
 * so an exported ledger still imports as the same records.
 */
const TRIGGER = /^[=+\-@\t\r]/;

export function neutraliseFormula<T>(value: T): T | string {
  return typeof value === "string" && TRIGGER.test(value) ? `'${value}` : value;
}

/** The import's inverse: "'=x" (as the export wrote it) → "=x"; any other text unchanged. */
export function unquoteFormula(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}
