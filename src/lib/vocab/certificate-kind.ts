import { z } from "zod";

/** 证书类别 (R-RES-1/2): a pass gives a 检定证书, a fail a 检定结果通知书, each with its own number sequence. */
export const CERTIFICATE_KINDS = ["certificate", "fail_notice"] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const certificateKindSchema = z.enum(CERTIFICATE_KINDS);
export const CERTIFICATE_KIND_LABEL = { certificate: "检定证书", fail_notice: "检定结果通知书" } as const satisfies Record<CertificateKind, string>;
