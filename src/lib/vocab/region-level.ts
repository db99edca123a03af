import { z } from "zod";

/** 区域与组织的级别: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const REGION_LEVELS = ["province", "city", "county"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const regionLevelSchema = z.enum(REGION_LEVELS);
export const LEVEL_LABEL = { province: "省级", city: "市级", county: "区县级" } as const satisfies Record<RegionLevel, string>;
