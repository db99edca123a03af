import { z } from "zod";

/** 公示公告的状态 (issue 12 item 4): 草稿 → 已发布 ⇄ 已撤回. Codes and Chinese words, declared once. */
export const NOTICE_STATES = ["draft", "published", "withdrawn"] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];
export const noticeStateSchema = z.enum(NOTICE_STATES);
export const NOTICE_STATE_LABEL = { draft: "草稿", published: "已发布", withdrawn: "已撤回" } as const satisfies Record<NoticeState, string>;
