import { z } from "zod";

/** 器具用途（SPEC §2）: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const PURPOSES = ["trade", "safety", "medical", "environment"] as const;
export type Purpose = (typeof PURPOSES)[number];
export const purposeSchema = z.enum(PURPOSES);
export const PURPOSE_LABEL = { trade: "贸易结算", safety: "安全防护", medical: "医疗卫生", environment: "环境监测" } as const satisfies Record<Purpose, string>;
