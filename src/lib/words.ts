/** UI words of SPEC §2, keyed by code names, shared by server messages and client screens. */
export const PURPOSE_LABEL = { trade: "贸易结算", safety: "安全防护", medical: "医疗卫生", environment: "环境监测" } as const;
export const METHOD_LABEL = { send_in: "送检", on_site: "现场检定" } as const;
export const SUPERVISION_LABEL = { P: "P（型式批准）", V: "V（强制检定）", "P+V": "P+V" } as const;
export const REGIME_LABEL = {
  periodic: "周期检定",
  first_only_limited_life: "首次强制检定，限期使用",
  first_only: "首次强制检定，失准报废",
} as const;
export const ROLE_LABEL = {
  enterprise: "使用单位",
  institution: "技术机构",
  regulator: "监管部门",
  admin: "平台管理员",
  personal: "个人用户",
} as const;
export const ORG_KIND_LABEL = {
  enterprise: "使用单位",
  institution: "计量技术机构",
  regulator: "计量行政管理部门",
  platform: "平台运营方",
} as const;
export const LEVEL_LABEL = { province: "省级", city: "市级", county: "区县级" } as const;
export const INSTITUTION_KIND_LABEL = { legal: "法定计量技术机构", authorised: "授权计量技术机构" } as const;
export const ORG_STATUS_LABEL = { pending: "待审核", approved: "已通过", rejected: "被退回", disabled: "已停用" } as const;
export const INSTRUMENT_STATUS_LABEL = { new: "新增", in_use: "在用", stopped: "停用", scrapped: "报废" } as const;
export const FILING_STATUS_LABEL = {
  none: "未备案",
  pending: "待审核",
  assigned: "待确认",
  filed: "已备案",
  returned: "被退回",
} as const;
/** Filing workflow (issue 5). */
export const FILING_STATE_LABEL = { pending: "待审核", assigned: "待确认（已分派）", filed: "已备案", returned: "被退回" } as const;
export const RETURN_REASON_LABEL = { incomplete: "资料不完整", not_in_catalogue: "不属于强检目录", other: "其他" } as const;
export const FILING_ACTION_LABEL = { submit: "提交备案", approve: "审核通过", assign: "分派", return: "退回", confirm: "确认受理", decline: "无能力退回" } as const;
/** 辖区仪器 lists (R-BKT-1…5, seed 000 四). */
export const BUCKET_LABEL = { all: "全部仪器", due: "须检仪器", overdue: "超期未检", invalid: "无效仪器", valid: "有效仪器", failed: "不合格" } as const;
export const ORIGIN_LABEL = { domestic: "国产", imported: "进口" } as const;

/** Reverse lookup: Chinese word → code (used by CSV/Excel imports). */
export function codeOf<T extends Record<string, string>>(labels: T, word: string): keyof T | undefined {
  const w = word.trim();
  return (Object.keys(labels) as (keyof T)[]).find((k) => labels[k] === w || k === w);
}
