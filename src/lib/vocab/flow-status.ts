import { z } from "zod";

/** 器具所在的业务流程；流程中台账不可修改（R-LED-2）: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const FLOW_STATUSES = ["filing", "appointment"] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];
export const flowStatusSchema = z.enum(FLOW_STATUSES);
export const FLOW_STATUS_LABEL = { filing: "备案中", appointment: "预约检定中" } as const satisfies Record<FlowStatus, string>;
