import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday } from "@/lib/china-day";
import type { Database } from "@/server/db/open";
import { appointmentItems, appointments, appointmentSlots, auditLog, calendarDays, filings, instruments, slotUsage } from "@/server/db/schema";
import { weekdayOf } from "@/server/domain/appointments/calendar";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome } from "../helpers/fixtures";

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

const db = () => database.db;
const apt = async (id: number) => (await db().select().from(appointments).where(eq(appointments.id, id)))[0]!;
const usage = async (institutionId: number, day: string, slotId: number) =>
  (await db().select({ used: slotUsage.used }).from(slotUsage).where(and(eq(slotUsage.institutionId, institutionId), eq(slotUsage.day, day), eq(slotUsage.slotId, slotId))))[0]?.used ?? 0;
const audits = async (action: string, entityId: number | string) =>
  db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId)))).orderBy(desc(auditLog.id));
/** The next Saturday that is not a 调休 working day in the platform calendar. */
const nextRestSaturday = async () => {
  const workdays = new Set((await db().select({ day: calendarDays.day }).from(calendarDays).where(eq(calendarDays.kind, "workday"))).map((r) => r.day));
  let d = addDays(chinaToday(), 1);
  while (weekdayOf(d) !== 6 || workdays.has(d)) d = addDays(d, 1);
  return d;
};

describe("issue 10 #3 预约确认: confirm (R-APT-4)", () => {
  it("R-APT-4 the institution confirms a submitted appointment: state, timeline step, audit; a second confirm is refused", async () => {
    const id = fx.appointment["YY-0001"]!;
    const byjls = await callerAs(db(), "byjls", "10.9.8.7");
    expect(await byjls.appointmentDesk.confirm({ id })).toEqual({ id, state: "confirmed" });
    const a = await apt(id);
    expect(a.state).toBe("confirmed");
    expect(a.confirmedAt).not.toBeNull();
    expect(a.history.at(-1)).toMatchObject({ action: "confirmed", state: "confirmed", byOrgId: fx.org.byInstitute, byUserId: fx.user.byjls });
    expect((await audits("appointment.confirm", id))[0]).toMatchObject({ ip: "10.9.8.7", before: { state: "submitted" }, after: { state: "confirmed" } });
    expect(await outcome(() => byjls.appointmentDesk.confirm({ id }))).toBe("CONFLICT");
    expect(await audits("appointment.confirm", id)).toHaveLength(1);
    // Both sides read the same timeline, with who did each step in Chinese words.
    const seen = await (await callerAs(db(), "jyzqy")).appointmentView.detail({ id });
    expect(seen.state).toBe("confirmed");
    expect(seen.timeline.at(-1)).toMatchObject({ action: "confirmed", orgName: expect.stringContaining("白云") });
  });

  it("R-SCOPE-4 another institution's appointment and a draft are NOT_FOUND and stay as they are", async () => {
    const gzjly = await callerAs(db(), "gzjly");
    const byjls = await callerAs(db(), "byjls");
    expect(await outcome(() => gzjly.appointmentDesk.confirm({ id: fx.appointment["YY-0004"]! }))).toBe("NOT_FOUND");
    expect(await outcome(() => byjls.appointmentDesk.confirm({ id: fx.appointment["YY-0003"]! }))).toBe("NOT_FOUND");
    expect((await apt(fx.appointment["YY-0003"]!)).state).toBe("draft");
  });
});

describe("issue 10 #3 修改预约时间 (R-APT-4, R-APT-5): places move from the old slot to the new", () => {
  it("R-APT-4 reschedule with a reason: new day and slot, 已改期, places moved, the enterprise sees the time and why", async () => {
    const id = fx.appointment["YY-0004"]!; // confirmed, 2 instruments, on-site with byjls
    const before = await apt(id);
    const byjls = await callerAs(db(), "byjls");
    const choices = await byjls.appointmentDesk.openSlots({ id });
    expect(choices.places).toBe(2);
    const target = choices.days.find((d) => d.day !== before.day)!;
    const slot = target.slots.at(-1)!;
    const oldUsed = await usage(before.institutionId, before.day, before.slotId);
    const newUsed = await usage(before.institutionId, target.day, slot.id);
    const res = await byjls.appointmentDesk.reschedule({ id, day: target.day, slotId: slot.id, reason: "检定车辆检修，改至次日" });
    expect(res).toMatchObject({ state: "rescheduled", day: target.day, overCapacity: false });
    expect(await usage(before.institutionId, before.day, before.slotId)).toBe(oldUsed - 2);
    expect(await usage(before.institutionId, target.day, slot.id)).toBe(newUsed + 2);
    const after = await apt(id);
    expect(after).toMatchObject({ state: "rescheduled", day: target.day, slotId: slot.id, slotLabel: slot.label, slotStart: slot.startTime, rescheduleReason: "检定车辆检修，改至次日" });
    expect((await audits("appointment.reschedule", id))[0]).toMatchObject({
      before: { day: before.day, slotId: before.slotId },
      after: { day: target.day, slotId: slot.id, reason: "检定车辆检修，改至次日", places: 2, overCapacity: false },
    });
    const seen = await (await callerAs(db(), "jyzqy")).appointmentView.detail({ id });
    expect(seen).toMatchObject({ state: "rescheduled", day: target.day, rescheduleReason: "检定车辆检修，改至次日" });
    expect(seen.timeline.at(-1)).toMatchObject({ action: "rescheduled", day: target.day, text: "检定车辆检修，改至次日" });
    // openSlots counts the real places (slot_usage): the new slot has 2 fewer left.
    const again = await byjls.appointmentDesk.openSlots({ id });
    expect(again.days.find((d) => d.day === target.day)!.slots.find((s) => s.id === slot.id)!.remaining).toBe(slot.remaining - 2);
  });

  it("R-APT-5 a slot without room is refused (nothing moves) unless the institution explicitly goes above its capacity", async () => {
    const id = fx.appointment["YY-0004"]!;
    const byjls = await callerAs(db(), "byjls");
    const before = await apt(id);
    const choices = await byjls.appointmentDesk.openSlots({ id });
    const target = choices.days.find((d) => d.day !== before.day)!;
    const slot = target.slots[0]!;
    // Fill the target slot to one place below its capacity.
    await db()
      .insert(slotUsage)
      .values({ institutionId: before.institutionId, day: target.day, slotId: slot.id, method: "on_site", used: slot.capacity - 1 })
      .onConflictDoUpdate({ target: [slotUsage.institutionId, slotUsage.day, slotUsage.slotId, slotUsage.method], set: { used: slot.capacity - 1 } });
    const oldUsed = await usage(before.institutionId, before.day, before.slotId);
    const input = { id, day: target.day, slotId: slot.id, reason: "设备故障，改期" };
    const err = await byjls.appointmentDesk.reschedule(input).catch((e: Error) => e);
    expect(err).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("剩余 1 台") });
    expect(await apt(id)).toMatchObject({ day: before.day, slotId: before.slotId, state: before.state });
    expect(await usage(before.institutionId, before.day, before.slotId)).toBe(oldUsed);
    expect(await usage(before.institutionId, target.day, slot.id)).toBe(slot.capacity - 1);

    const res = await byjls.appointmentDesk.reschedule({ ...input, allowOverCapacity: true });
    expect(res.overCapacity).toBe(true);
    expect(await usage(before.institutionId, target.day, slot.id)).toBe(slot.capacity + 1);
    expect(await usage(before.institutionId, before.day, before.slotId)).toBe(oldUsed - 2);
    expect((await audits("appointment.reschedule", id))[0]).toMatchObject({ after: { overCapacity: true } });
  });

  it("R-APT-5 bad new times are refused in Chinese and change nothing: same time, weekend, today, unknown slot, no reason, completed", async () => {
    const id = fx.appointment["YY-0004"]!;
    const byjls = await callerAs(db(), "byjls");
    const a = await apt(id);
    const n = (await db().select().from(auditLog).where(eq(auditLog.action, "appointment.reschedule"))).length;
    const [gzSlot] = await db().select().from(appointmentSlots).where(eq(appointmentSlots.institutionId, fx.org.gzInstitute!));
    const tomorrowish = (await byjls.appointmentDesk.openSlots({ id })).days[0]!.day;
    const tries = [
      { day: a.day, slotId: a.slotId, reason: "同一时间" },
      { day: await nextRestSaturday(), slotId: a.slotId, reason: "周末" },
      { day: chinaToday(), slotId: a.slotId, reason: "当天" },
      { day: tomorrowish, slotId: gzSlot!.id, reason: "别家的时段" },
      { day: tomorrowish, slotId: a.slotId, reason: " " },
    ];
    for (const t of tries) {
      const e = await byjls.appointmentDesk.reschedule({ id, ...t }).catch((x: Error) => x);
      expect(e, t.reason).toMatchObject({ code: "BAD_REQUEST" });
      expect((e as Error).message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await outcome(() => byjls.appointmentDesk.reschedule({ id: fx.appointment["YY-0006"]!, day: tomorrowish, slotId: a.slotId, reason: "已完检" }))).toBe("CONFLICT");
    expect(await apt(id)).toMatchObject({ day: a.day, slotId: a.slotId });
    expect((await db().select().from(auditLog).where(eq(auditLog.action, "appointment.reschedule"))).length).toBe(n);
  });
});

describe("issue 10 #3 拒绝 (R-APT-4) with and without 取消备案状态", () => {
  it("R-APT-4 reject with 取消备案状态: items cancelled, places released, flow cleared, filings back in the enterprise's 被退回 (R-FIL-6)", async () => {
    const id = fx.appointment["YY-0101"]!; // confirmed, 2 instruments, send-in with gzjly
    const ids = [fx.instrument["YY-0101"]!, fx.instrument["YY-0102"]!];
    const a = await apt(id);
    const used = await usage(a.institutionId, a.day, a.slotId);
    const gzjly = await callerAs(db(), "gzjly");
    const res = await gzjly.appointmentDesk.reject({ id, reason: "标准器送检，本周暂停受理", cancelFilings: true });
    expect(res).toEqual({ id, state: "rejected", cancelledInstruments: 2, filingsReturned: 2 });
    expect(await apt(id)).toMatchObject({ state: "rejected", rejectReason: "标准器送检，本周暂停受理", rejectCancelledFilings: true, instrumentCount: 0 });
    expect(await usage(a.institutionId, a.day, a.slotId)).toBe(used - 2);
    const items = await db().select().from(appointmentItems).where(eq(appointmentItems.appointmentId, id));
    expect(items.map((i) => i.state)).toEqual(["cancelled", "cancelled"]);
    const ins = await db().select().from(instruments).where(inArray(instruments.id, ids));
    expect(ins.map((i) => [i.flowStatus, i.filingStatus])).toEqual([
      [null, "returned"],
      [null, "returned"],
    ]);
    const fs = await db().select().from(filings).where(inArray(filings.instrumentId, ids));
    expect(fs.map((f) => [f.state, f.returnReason])).toEqual([
      ["returned", "other"],
      ["returned", "other"],
    ]);
    expect(fs[0]!.returnText).toContain("标准器送检，本周暂停受理");
    expect(fs[0]!.history.at(-1)).toMatchObject({ action: "return", byOrgId: fx.org.gzInstitute });
    expect(await audits("filing.revoke_by_reject", fs[0]!.id)).toHaveLength(1);
    expect((await audits("appointment.reject", id))[0]).toMatchObject({ after: { cancelFilings: true, filingsReturnedFor: expect.arrayContaining(ids) } });
    // The enterprise: 被拒绝 with the reason, and the instruments in its filing 被退回 list.
    const yyqy = await callerAs(db(), "yyqy");
    const seen = await yyqy.appointmentView.detail({ id });
    expect(seen).toMatchObject({ state: "rejected", rejectReason: "标准器送检，本周暂停受理", rejectCancelledFilings: true });
    expect(seen.items.map((i) => i.state)).toEqual(["cancelled", "cancelled"]);
    const returned = await yyqy.filing.mine({ tab: "returned", limit: 200 });
    expect(returned.items.filter((f) => ids.includes(f.instrumentId)).map((f) => f.returnText)).toEqual([expect.stringContaining("被拒绝"), expect.stringContaining("被拒绝")]);
    // Decided once: rejecting again is a state conflict.
    expect(await outcome(() => gzjly.appointmentDesk.reject({ id, reason: "再拒绝一次" }))).toBe("CONFLICT");
  });

  it("R-APT-4 reject without the checkbox keeps the filings approved; the instruments leave the appointment flow", async () => {
    const id = fx.appointment["YY-0001"]!; // confirmed by the first test
    const byjls = await callerAs(db(), "byjls");
    await byjls.appointmentDesk.reject({ id, reason: "现场检定人员不足" });
    const [i] = await db().select().from(instruments).where(eq(instruments.id, fx.instrument["YY-0001"]!));
    expect(i).toMatchObject({ flowStatus: null, filingStatus: "filed" });
    expect(await apt(id)).toMatchObject({ state: "rejected", rejectCancelledFilings: false, instrumentCount: 0 });
    expect(await audits("filing.revoke_by_reject", 0)).toHaveLength(0);
  });

  it("R-APT-4 a received appointment cannot be rejected; another institution's is NOT_FOUND; nothing changes", async () => {
    const id = fx.appointment["YY-0103"]!;
    const gzjly = await callerAs(db(), "gzjly");
    expect(await outcome(() => gzjly.appointmentDesk.reject({ id, reason: "测试拒绝", cancelFilings: true }))).toBe("CONFLICT");
    const byjls = await callerAs(db(), "byjls");
    expect(await outcome(() => byjls.appointmentDesk.reject({ id, reason: "测试拒绝" }))).toBe("NOT_FOUND");
    expect((await apt(id)).state).toBe("received");
    const [f] = await db().select().from(filings).where(eq(filings.instrumentId, fx.instrument["YY-0103"]!));
    expect(f!.state).toBe("filed");
  });
});

describe("issue 10 #3 预约确认 list: filters S/X, date, state, number; never drafts", () => {
  it("issue 10 #3 the institution's list filters by method, state, date range and number, newest first", async () => {
    const byjls = await callerAs(db(), "byjls");
    const all = await byjls.appointmentDesk.list({ limit: 200 });
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.some((r) => r.state === "draft")).toBe(false);
    expect(all.items.map((r) => r.id)).toEqual([...all.items.map((r) => r.id)].sort((x, y) => y - x));
    expect((await byjls.appointmentDesk.list({ limit: 200, method: "send_in" })).items).toEqual([]);
    const rejected = await byjls.appointmentDesk.list({ limit: 200, state: "rejected" });
    expect(rejected.items.length).toBeGreaterThan(0);
    expect(rejected.items.every((r) => r.state === "rejected")).toBe(true);
    const one = all.items[0]!;
    expect((await byjls.appointmentDesk.list({ limit: 200, q: one.number! })).items.map((r) => r.id)).toEqual([one.id]);
    expect((await byjls.appointmentDesk.list({ limit: 200, q: one.number!.slice(-6).toLowerCase() })).items.map((r) => r.id)).toContain(one.id);
    const ranged = await byjls.appointmentDesk.list({ limit: 200, fromDay: one.day, toDay: one.day });
    expect(ranged.items.every((r) => r.day === one.day)).toBe(true);
    expect(ranged.items.map((r) => r.id)).toContain(one.id);
    expect(await outcome(() => byjls.appointmentDesk.list({ limit: 5, fromDay: "2026-05-02", toDay: "2026-05-01" }))).toBe("BAD_REQUEST");
    const page1 = await byjls.appointmentDesk.list({ limit: 1 });
    const page2 = await byjls.appointmentDesk.list({ limit: 1, cursor: page1.nextCursor });
    expect(page2.items[0]!.id).toBeLessThan(page1.items[0]!.id);
  });
});
