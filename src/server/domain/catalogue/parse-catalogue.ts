import { PURPOSE_LABEL, codeOf } from "@/lib/words";

export type Supervision = "P" | "V" | "P+V";
export type Purpose = keyof typeof PURPOSE_LABEL;
export type Regime = "periodic" | "first_only_limited_life" | "first_only";

export type CatalogueKindRow = {
  itemName: string;
  kindName: string;
  supervision: Supervision;
  purposes: Purpose[];
  regime: Regime | null;
  periodMonths: number | null;
  serviceLifeYears: number | null;
  notes: string | null;
  source: string | null;
};

export type CatalogueRowError = { row: number; column: string; message: string };

/** The CSV/Excel columns documented in data/README.md. */
export const CATALOGUE_COLUMNS = [
  "item_name",
  "kind_name",
  "supervision",
  "purposes",
  "regime",
  "period_months",
  "service_life_years",
  "notes",
  "source",
] as const;

const REGIMES: Regime[] = ["periodic", "first_only_limited_life", "first_only"];

function blank(v: unknown): string | null {
  const s = v == null ? "" : String(v).trim();
  return s === "" ? null : s;
}

function positiveInt(v: unknown, row: number, column: string, errors: CatalogueRowError[]): number | null {
  const s = blank(v);
  if (s === null) return null;
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) {
    errors.push({ row, column, message: `“${s}”不是正整数` });
    return null;
  }
  return n;
}

/**
 * Validates catalogue records (header → value). Row numbers are 1-based data rows plus the header line,
 * i.e. the line a person sees in a spreadsheet. Returns every error, never a partial result.
 */
export function parseCatalogueRecords(
  records: Record<string, unknown>[],
): { ok: true; rows: CatalogueKindRow[] } | { ok: false; errors: CatalogueRowError[] } {
  const errors: CatalogueRowError[] = [];
  const rows: CatalogueKindRow[] = [];
  const seen = new Set<string>();
  if (records.length === 0) return { ok: false, errors: [{ row: 1, column: "", message: "文件中没有数据行" }] };
  const missing = CATALOGUE_COLUMNS.slice(0, 3).filter((c) => !(c in records[0]!));
  if (missing.length) {
    return { ok: false, errors: [{ row: 1, column: missing.join(","), message: `缺少列：${missing.join("、")}` }] };
  }
  records.forEach((r, i) => {
    const row = i + 2;
    const before = errors.length;
    const itemName = blank(r.item_name);
    const kindName = blank(r.kind_name);
    if (!itemName) errors.push({ row, column: "item_name", message: "项别不能为空" });
    if (!kindName) errors.push({ row, column: "kind_name", message: "种别不能为空" });
    const sup = blank(r.supervision)?.toUpperCase();
    if (sup !== "P" && sup !== "V" && sup !== "P+V")
      errors.push({ row, column: "supervision", message: "监管方式只能是 P、V 或 P+V" });
    const purposes: Purpose[] = [];
    for (const word of (blank(r.purposes) ?? "").split(/[;；,，、]/).filter((w) => w.trim())) {
      const code = codeOf(PURPOSE_LABEL, word);
      if (code) purposes.push(code);
      else errors.push({ row, column: "purposes", message: `未知的器具用途“${word.trim()}”` });
    }
    const regimeText = blank(r.regime);
    const regime = regimeText as Regime | null;
    if (regimeText && !REGIMES.includes(regimeText as Regime))
      errors.push({ row, column: "regime", message: `未知的检定管理方式“${regimeText}”` });
    if ((sup === "V" || sup === "P+V") && purposes.length === 0)
      errors.push({ row, column: "purposes", message: "强制检定的种别必须注明器具用途" });
    const periodMonths = positiveInt(r.period_months, row, "period_months", errors);
    const serviceLifeYears = positiveInt(r.service_life_years, row, "service_life_years", errors);
    const key = `${itemName}\u0000${kindName}`;
    if (itemName && kindName && seen.has(key))
      errors.push({ row, column: "kind_name", message: `种别“${kindName}”在项别“${itemName}”下重复` });
    seen.add(key);
    if (errors.length > before) return;
    rows.push({
      itemName: itemName!,
      kindName: kindName!,
      supervision: sup as Supervision,
      purposes,
      regime,
      periodMonths,
      serviceLifeYears,
      notes: blank(r.notes),
      source: blank(r.source),
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
