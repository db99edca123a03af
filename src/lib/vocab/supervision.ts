import { z } from "zod";

/** 监管方式（SPEC §2）: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const SUPERVISIONS = ["P", "V", "P+V"] as const;
export type Supervision = (typeof SUPERVISIONS)[number];
export const supervisionSchema = z.enum(SUPERVISIONS);
export const SUPERVISION_LABEL = { P: "P（型式批准）", V: "V（强制检定）", "P+V": "P+V" } as const satisfies Record<Supervision, string>;
