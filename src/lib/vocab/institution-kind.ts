import { z } from "zod";

/** 技术机构类别: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const INSTITUTION_KINDS = ["legal", "authorised"] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const institutionKindSchema = z.enum(INSTITUTION_KINDS);
export const INSTITUTION_KIND_LABEL = { legal: "法定计量技术机构", authorised: "授权计量技术机构" } as const satisfies Record<InstitutionKind, string>;
