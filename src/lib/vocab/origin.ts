import { z } from "zod";

/** 生产地: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const ORIGINS = ["domestic", "imported"] as const;
export type Origin = (typeof ORIGINS)[number];
export const originSchema = z.enum(ORIGINS);
export const ORIGIN_LABEL = { domestic: "国产", imported: "进口" } as const satisfies Record<Origin, string>;
