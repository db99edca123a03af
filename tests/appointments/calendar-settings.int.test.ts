import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday } from "@/lib/china-day";
import type { Database } from "@/server/db/open";
import { appointments, appointmentSlots, auditLog, calendarDays, institutionClosedDays } from "@/server/db/schema";
import { seedHolidayCalendar } from "@/server/seed/calendar";
import { bookedKey, openSlots } from "@/server/services/appointments/open-slots";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome } from "../helpers/fixtures";

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

const lastAudit = async (action: string) =>
  (await database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
const auditCount = async (action: string) => (await database.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action))).length;

describe("issue 10 #1 platform holiday calendar seeded from chinese-days and kept by administrators", () => {
  it("issue 10 #1 the reference step seeds 2026 (33 holidays, 6 调休 days) once, and 2027 is flagged as without data", async () => {
    const me = await callerAs(database.db, "jyzqy");
    const y2026 = await me.holiday.list({ year: 2026 });
    expect(y2026.hasData).toBe(true);
    expect(y2026.days.filter((d) => d.kind === "holiday")).toHaveLength(33);
    expect(y2026.days.filter((d) => d.kind === "workday").map((d) => d.day)).toContain("2026-10-10");
    expect(y2026.days.find((d) => d.day === "2026-10-01")).toMatchObject({ kind: "holiday", name: "国庆节", source: "chinese-days@1.5.7" });
    expect(await me.holiday.list({ year: 2027 })).toEqual({ year: 2027, hasData: false, days: [] });
    // A second start adds nothing (idempotent), even after an administrator removed a seeded day.
    const admin = await callerAs(database.db, "admin");
    await admin.holiday.remove({ day: "2026-01-01" });
    expect(await seedHolidayCalendar(database.db)).toBe(0);
    expect((await database.db.select().from(calendarDays).where(eq(calendarDays.day, "2026-01-01"))).length).toBe(0);
    await admin.holiday.add({ day: "2026-01-01", kind: "holiday", name: "元旦" });
  });

  it("issue 10 #1 an administrator adds and removes a 2027 day, each with its audit row; the flag clears", async () => {
    const admin = await callerAs(database.db, "admin", "10.1.2.3");
    await admin.holiday.add({ day: "2027-10-01", kind: "holiday", name: " 国庆节 " });
    const y = await admin.holiday.list({ year: 2027 });
    expect(y).toMatchObject({ hasData: true, days: [{ day: "2027-10-01", kind: "holiday", name: "国庆节", source: "admin" }] });
    expect(await lastAudit("calendar_day.add")).toMatchObject({ entityId: "2027-10-01", ip: "10.1.2.3", actorUserId: fx.user.admin, after: { kind: "holiday", name: "国庆节" } });
    await admin.holiday.remove({ day: "2027-10-01" });
    expect(await lastAudit("calendar_day.remove")).toMatchObject({ entityId: "2027-10-01", before: { kind: "holiday", name: "国庆节", source: "admin" } });
    expect((await admin.holiday.list({ year: 2027 })).hasData).toBe(false);
  });

  it("issue 10 #1 bad holiday input (taken day, impossible date, unknown kind, non-admin) changes nothing", async () => {
    const admin = await callerAs(database.db, "admin");
    const before = await database.db.select().from(calendarDays);
    const audits = await auditCount("calendar_day.add");
    expect(await outcome(() => admin.holiday.add({ day: "2026-10-10", kind: "holiday", name: "改掉调休" }))).toBe("CONFLICT");
    expect(await outcome(() => admin.holiday.add({ day: "2027-02-29", kind: "holiday", name: "不存在" }))).toBe("BAD_REQUEST");
    expect(await outcome(() => admin.holiday.add({ day: "2027-01-01", kind: "rest" as "holiday", name: "元旦" }))).toBe("BAD_REQUEST");
    expect(await outcome(() => admin.holiday.remove({ day: "2031-01-01" }))).toBe("NOT_FOUND");
    const inst = await callerAs(database.db, "gzjly");
    expect(await outcome(() => inst.holiday.add({ day: "2027-01-01", kind: "holiday", name: "元旦" }))).toBe("FORBIDDEN");
    expect(await database.db.select().from(calendarDays)).toEqual(before);
    expect(await auditCount("calendar_day.add")).toBe(audits);
  });
});

describe("issue 10 #1 预约设置: an institution's slots and closed days", () => {
  it("issue 10 #1 demo institutions start with 上午 08:30–12:00 and 下午 14:00–17:30 and one closed day", async () => {
    const s = await (await callerAs(database.db, "gzjly")).appointmentSettings.get();
    expect(s.isDefault).toBe(false);
    expect(s.slots.map((x) => `${x.label} ${x.startTime}-${x.endTime}`)).toEqual(["上午 08:30-12:00", "下午 14:00-17:30"]);
    expect(s.closedDays).toHaveLength(1);
    expect(s.yearsWithoutData).toContain(2027);
  });

  it("issue 10 #1 saving slots replaces them and writes one audit row with before and after", async () => {
    const me = await callerAs(database.db, "byjls", "10.9.9.9");
    const slots = [
      { label: "上午", startTime: "09:00", endTime: "11:30", capacitySendIn: 12, capacityOnSite: 3 },
      { label: "下午", startTime: "14:30", endTime: "17:00", capacitySendIn: 8, capacityOnSite: 2 },
    ];
    const ids = (await me.appointmentSettings.get()).slots.map((x) => x.id);
    await me.appointmentSettings.saveSlots({ slots: [slots[1]!, slots[0]!] });
    const saved = (await me.appointmentSettings.get()).slots;
    expect(saved.map(({ id: _id, ...x }) => x)).toEqual(slots);
    // Same name = same slot: appointments booked in it keep their slot.
    expect(saved.map((x) => x.id)).toEqual(ids);
    expect(await lastAudit("appointment_settings.save_slots")).toMatchObject({
      entityId: String(fx.org.byInstitute),
      actorOrgId: fx.org.byInstitute,
      ip: "10.9.9.9",
      before: { slots: [{ startTime: "08:30", capacitySendIn: 30 }, { startTime: "14:00" }] },
      after: { slots },
    });
  });

  it("issue 10 #1 a slot left out is retired, not deleted: an appointment booked in it keeps it, new bookings no longer see it", async () => {
    const me = await callerAs(database.db, "byjls");
    const [booked] = await database.db.select({ slotId: appointments.slotId }).from(appointments).where(eq(appointments.institutionId, fx.org.byInstitute!)).limit(1);
    const bookedSlot = (await me.appointmentSettings.get()).slots.find((x) => x.id === booked!.slotId)!;
    const others = (await me.appointmentSettings.get()).slots.filter((x) => x.id !== booked!.slotId).map(({ id: _id, ...x }) => x);
    await me.appointmentSettings.saveSlots({ slots: others.length ? others : [{ label: "全天", startTime: "08:00", endTime: "18:00", capacitySendIn: 5, capacityOnSite: 5 }] });
    expect((await me.appointmentSettings.get()).slots.map((x) => x.label)).not.toContain(bookedSlot.label);
    const [row] = await database.db.select().from(appointmentSlots).where(eq(appointmentSlots.id, booked!.slotId));
    expect(row!.retiredAt).not.toBeNull();
  });

  it("issue 10 #1 overlapping slots, end before start and capacity 0 are refused with Chinese messages and change nothing", async () => {
    const me = await callerAs(database.db, "gzjly");
    const before = await database.db.select().from(appointmentSlots).where(eq(appointmentSlots.institutionId, fx.org.gzInstitute!));
    const audits = await auditCount("appointment_settings.save_slots");
    const slot = (label: string, startTime: string, endTime: string, capacitySendIn = 5) => ({ label, startTime, endTime, capacitySendIn, capacityOnSite: 5 });
    const message = async (slots: ReturnType<typeof slot>[]) => {
      try {
        await me.appointmentSettings.saveSlots({ slots });
        return "ok";
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(await message([slot("上午", "08:30", "12:00"), slot("中午", "11:00", "13:00")])).toContain("时间重叠");
    expect(await message([slot("上午", "12:00", "08:30")])).toContain("结束时间须晚于开始时间");
    expect(await message([slot("上午", "08:30", "12:00", 0)])).toContain("容量至少为 1");
    expect(await message([slot("上午", "8:30", "12:00")])).toContain("HH:MM");
    expect(await message([])).toContain("至少设置一个时段");
    expect(await database.db.select().from(appointmentSlots).where(eq(appointmentSlots.institutionId, fx.org.gzInstitute!))).toEqual(before);
    expect(await auditCount("appointment_settings.save_slots")).toBe(audits);
    // Touching slots (12:00 end, 12:00 start) do not overlap.
    expect(await message([slot("上午", "08:30", "12:00"), slot("午间", "12:00", "13:00")])).toBe("ok");
  });

  it("issue 10 #1 a closed day is added and removed with audit rows; past or repeated days are refused", async () => {
    const me = await callerAs(database.db, "sqjg");
    const day = addDays(chinaToday(), 40);
    const added = await me.appointmentSettings.addClosedDay({ day, reason: "搬迁" });
    expect(await lastAudit("appointment_settings.close_day")).toMatchObject({ entityId: String(added.id), actorOrgId: fx.org.authorisedInstitute, after: { day, reason: "搬迁" } });
    const rows = async () => database.db.select().from(institutionClosedDays).where(eq(institutionClosedDays.institutionId, fx.org.authorisedInstitute!));
    const n = (await rows()).length;
    expect(await outcome(() => me.appointmentSettings.addClosedDay({ day, reason: "又一次" }))).toBe("CONFLICT");
    expect(await outcome(() => me.appointmentSettings.addClosedDay({ day: addDays(chinaToday(), -1), reason: "昨天" }))).toBe("BAD_REQUEST");
    expect(await outcome(() => me.appointmentSettings.addClosedDay({ day, reason: "  " }))).toBe("BAD_REQUEST");
    expect(await rows()).toHaveLength(n);
    // Another institution cannot remove it: not found, nothing deleted.
    expect(await outcome(async () => (await callerAs(database.db, "gzjly")).appointmentSettings.removeClosedDay({ id: added.id }))).toBe("NOT_FOUND");
    expect(await rows()).toHaveLength(n);
    await me.appointmentSettings.removeClosedDay({ id: added.id });
    expect(await lastAudit("appointment_settings.reopen_day")).toMatchObject({ entityId: String(added.id), before: { day, reason: "搬迁" } });
    expect(await rows()).toHaveLength(n - 1);
  });
});

describe("R-APT-5 openSlots lists an institution's bookable days with remaining capacity", () => {
  /** 2026-09-30 10:00 in Shanghai: the National Day week follows. */
  const now = new Date("2026-09-30T02:00:00Z");

  it("R-APT-5 from 2026-09-30: not today, not the 国庆节 week, yes the 调休 Saturday 10-10, not the closed day", async () => {
    const db = database.db;
    const inst = fx.org.authorisedInstitute!;
    const [closed] = await db.insert(institutionClosedDays).values({ institutionId: inst, day: "2026-10-12", reason: "检修" }).returning();
    try {
      const r = await openSlots(db, inst, "2026-09-30", 14, { now });
      expect(r.days.map((d) => d.day)).toEqual(["2026-10-08", "2026-10-09", "2026-10-10", "2026-10-13"]);
      expect(r.days.find((d) => d.day === "2026-10-10")).toMatchObject({ weekday: 6, workingWeekend: true });
      expect(r.days[0]!.slots.map((s) => s.label)).toEqual(["上午", "下午"]);
      expect(r.yearsWithoutData).toEqual([]);
    } finally {
      await db.delete(institutionClosedDays).where(eq(institutionClosedDays.id, closed!.id));
    }
  });

  it("R-APT-5 remaining capacity is the capacity minus the booked count per day, slot and method", async () => {
    const inst = fx.org.gzInstitute!;
    const [cap] = await database.db.select().from(appointmentSlots).where(and(eq(appointmentSlots.institutionId, inst), eq(appointmentSlots.label, "上午")));
    const booked = new Map([
      [bookedKey("2026-10-08", cap!.startTime, "send_in"), 3],
      [bookedKey("2026-10-08", cap!.startTime, "on_site"), cap!.capacityOnSite + 5],
    ]);
    const r = await openSlots(database.db, inst, "2026-10-08", 1, { now, bookedCounts: async () => booked });
    const am = r.days[0]!.slots.find((s) => s.label === "上午")!;
    expect(am.capacity).toEqual({ send_in: cap!.capacitySendIn, on_site: cap!.capacityOnSite });
    expect(am.remaining).toEqual({ send_in: cap!.capacitySendIn - 3, on_site: 0 });
    // With no appointments yet, every slot has its whole capacity.
    const free = await openSlots(database.db, inst, "2026-10-08", 1, { now });
    expect(free.days[0]!.slots.find((s) => s.label === "上午")!.remaining).toEqual(am.capacity);
  });

  it("R-APT-5 a year without calendar data is flagged in the answer (2027), not silently treated as ordinary", async () => {
    const r = await openSlots(database.db, fx.org.gzInstitute!, "2027-09-27", 7, { now });
    expect(r.yearsWithoutData).toEqual([2027]);
    expect(r.days.map((d) => d.day)).toContain("2027-10-01");
  });

  it("R-APT-5 R-TIME-1 the procedure starts tomorrow in China and leaves the institution's own closed day out", async () => {
    const me = await callerAs(database.db, "jyzqy");
    const r = await me.appointment.openSlots({ institutionId: fx.org.gzInstitute, days: 30 });
    expect(r.fromDay).toBe(addDays(chinaToday(), 1));
    expect(r.days.length).toBeGreaterThan(0);
    const [closed] = await database.db.select().from(institutionClosedDays).where(inArray(institutionClosedDays.id, [fx.closedDay.gzInstitute!]));
    expect(r.days.map((d) => d.day)).not.toContain(closed!.day);
    expect(r.days.every((d) => d.day > chinaToday())).toBe(true);
  });
});
