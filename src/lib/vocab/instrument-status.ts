import { z } from "zod";

/** 器具状态（SPEC §5）: the codes (pgEnum, zod, type) and their Chinese words, declared once. */
export const INSTRUMENT_STATUSES = ["new", "in_use", "stopped", "scrapped"] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];
export const instrumentStatusSchema = z.enum(INSTRUMENT_STATUSES);
export const INSTRUMENT_STATUS_LABEL = { new: "新增", in_use: "在用", stopped: "停用", scrapped: "报废" } as const satisfies Record<InstrumentStatus, string>;
