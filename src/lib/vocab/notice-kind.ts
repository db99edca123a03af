import { z } from "zod";

/** 公示公告的类别 (issue 12 item 4): 通知公告 or 公示. Codes and Chinese words, declared once. */
export const NOTICE_KINDS = ["notice", "publicity"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const noticeKindSchema = z.enum(NOTICE_KINDS, { error: "请选择类别" });
export const NOTICE_KIND_LABEL = { notice: "通知公告", publicity: "公示" } as const satisfies Record<NoticeKind, string>;
