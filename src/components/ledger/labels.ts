export const WARNING_LABEL = { red: "已过期", yellow: "30 天内到期" } as const;
export const SUPERVISION_HINT = { P: "仅型式批准，不属于强检，不能登记", V: "强制检定", "P+V": "型式批准 + 强制检定，备案前须上传型式评价报告" } as const;
