import { z } from "zod";

/** 检定管理方式（SPEC §2）: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const REGIMES = ["periodic", "first_only_limited_life", "first_only"] as const;
export type Regime = (typeof REGIMES)[number];
export const regimeSchema = z.enum(REGIMES);
export const REGIME_LABEL = { periodic: "周期检定", first_only_limited_life: "首次强制检定，限期使用", first_only: "首次强制检定，失准报废" } as const satisfies Record<Regime, string>;
