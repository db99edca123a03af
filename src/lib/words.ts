/**
 * UI words, keyed by code names, shared by server messages and client screens. The words of each stored code
 * live with the code in src/lib/vocab (issue 8 step 4); this module re-exports them and holds the words of
 * screens that are not stored codes.
 */
export {
  FILING_ACTION_LABEL,
  FILING_STATE_LABEL,
  FILING_STATUS_LABEL,
  INSTITUTION_KIND_LABEL,
  INSTRUMENT_STATUS_LABEL,
  LEVEL_LABEL,
  METHOD_LABEL,
  ORG_KIND_LABEL,
  ORG_STATUS_LABEL,
  ORIGIN_LABEL,
  PURPOSE_LABEL,
  REGIME_LABEL,
  RETURN_REASON_LABEL,
  ROLE_LABEL,
  SUPERVISION_LABEL,
} from "@/lib/vocab";
/** 辖区仪器 lists (R-BKT-1…5, seed 000 四). */
export const BUCKET_LABEL = { all: "全部仪器", due: "须检仪器", overdue: "超期未检", invalid: "无效仪器", valid: "有效仪器", failed: "不合格" } as const;

/** Reverse lookup: Chinese word → code (used by CSV/Excel imports). */
export function codeOf<T extends Record<string, string>>(labels: T, word: string): keyof T | undefined {
  const w = word.trim();
  return (Object.keys(labels) as (keyof T)[]).find((k) => labels[k] === w || k === w);
}
