import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, updatedAt } from "./_columns";
import { noticeKind, noticeState } from "./enums";
import { files } from "./files";
import { instruments } from "./instruments";
import { organisations } from "./organisations";

/**
 * 公示公告 (issue 12 item 4): written by a regulator for its region; `bodyHtml` is stored already sanitised
 * (src/server/domain/notices/sanitize.ts), so every reader shows exactly what was checked. The public portal
 * lists published ones only.
 */
export const notices = pgTable(
  "notices",
  {
    id: id(),
    regulatorId: ref("regulator_id")
      .notNull()
      .references(() => organisations.id),
    /** The regulator's region at writing time (its subtree is who may edit it). */
    regionCode: text("region_code").notNull(),
    /** The regulator's location codes down to its level (a province regulator has no city or county code). */
    provinceCode: text("province_code").notNull(),
    cityCode: text("city_code"),
    countyCode: text("county_code"),
    kind: noticeKind("kind").notNull().default("notice"),
    title: text("title").notNull(),
    bodyHtml: text("body_html").notNull(),
    state: noticeState("state").notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdBy: ref("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Public list: published, newest first.
    index("notices_published_idx").on(t.publishedAt, t.id).where(sql`${t.state} = 'published'`),
    // Regulator lists (their region subtree), newest first.
    index("notices_province_idx").on(t.provinceCode, t.id),
    index("notices_city_idx").on(t.cityCode, t.id),
    index("notices_county_idx").on(t.countyCode, t.id),
  ],
);

/** Files attached to a notice, typed by content (src/server/files/store.ts checkUpload). */
export const noticeAttachments = pgTable(
  "notice_attachments",
  {
    id: id(),
    noticeId: ref("notice_id")
      .notNull()
      .references(() => notices.id),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
    name: text("name").notNull(),
    size: integer("size").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("notice_attachments_notice_idx").on(t.noticeId, t.id)],
);

/**
 * 加油机专用录入 (issue 12 item 6, seed 000 三(四)): the dispenser-only fields of an instrument of the
 * dispenser kind, one row per instrument.
 */
export const dispenserDetails = pgTable(
  "dispenser_details",
  {
    instrumentId: ref("instrument_id")
      .primaryKey()
      .references(() => instruments.id),
    enterpriseId: ref("enterprise_id")
      .notNull()
      .references(() => organisations.id),
    nozzleCount: integer("nozzle_count").notNull(),
    /** 监控微处理器、编码器、防作弊系统 versions as written on the plate or in the software. */
    mcuVersion: text("mcu_version").notNull(),
    encoderVersion: text("encoder_version").notNull(),
    antiCheatVersion: text("anti_cheat_version").notNull(),
    createdBy: ref("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("dispenser_details_enterprise_idx").on(t.enterpriseId, t.instrumentId),
    // 版本筛选: dispensers whose version differs from a value, per version column.
    index("dispenser_details_mcu_idx").on(t.mcuVersion, t.instrumentId),
    index("dispenser_details_encoder_idx").on(t.encoderVersion, t.instrumentId),
    index("dispenser_details_anti_cheat_idx").on(t.antiCheatVersion, t.instrumentId),
  ],
);
