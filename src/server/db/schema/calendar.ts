import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, updatedAt } from "./_columns";
import { calendarDayKind } from "./enums";
import { organisations } from "./organisations";

/**
 * The platform's holiday calendar (issue 10 item 1, R-APT-5): 法定节假日 (`holiday`) and 调休 working
 * weekends (`workday`). Seeded per year from the npm package `chinese-days`, extended by administrators;
 * a year with no row at all has no data and is flagged, never silently treated as ordinary weekdays.
 */
export const calendarDays = pgTable("calendar_days", {
  day: date("day").primaryKey(),
  kind: calendarDayKind("kind").notNull(),
  name: text("name").notNull(),
  /** "chinese-days@<version>" for seeded rows, "admin" for rows an administrator added. */
  source: text("source").notNull(),
  createdAt: createdAt(),
});

/** An institution's own closed days (店休, 设备检修…), on top of the platform calendar. */
export const institutionClosedDays = pgTable(
  "institution_closed_days",
  {
    id: id(),
    institutionId: ref("institution_id")
      .notNull()
      .references(() => organisations.id),
    day: date("day").notNull(),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("institution_closed_days_uq").on(t.institutionId, t.day)],
);

/**
 * The time slots an institution offers on each working day, with a capacity per method in instruments.
 * Times are China wall-clock "HH:MM" (R-TIME-1), so they mean the same whatever the server's zone.
 */
export const appointmentSlots = pgTable(
  "appointment_slots",
  {
    id: id(),
    institutionId: ref("institution_id")
      .notNull()
      .references(() => organisations.id),
    label: text("label").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    capacitySendIn: integer("capacity_send_in").notNull(),
    capacityOnSite: integer("capacity_on_site").notNull(),
    /**
     * A slot removed in 预约设置 is retired, not deleted: appointments already booked in it keep pointing at
     * it (and at their places in slot_usage); it is no longer offered.
     */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [index("appointment_slots_institution_idx").on(t.institutionId, t.startTime)],
);
