import { z } from "zod";

/** 检定方式: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const METHODS = ["send_in", "on_site"] as const;
export type Method = (typeof METHODS)[number];
export const methodSchema = z.enum(METHODS);
export const METHOD_LABEL = { send_in: "送检", on_site: "现场检定" } as const satisfies Record<Method, string>;
