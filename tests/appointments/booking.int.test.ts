import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday, compactDay } from "@/lib/china-day";
import type { Database } from "@/server/db/open";
import { appointmentItems, appointments, appointmentSlots, auditLog, calendarDays, institutionClosedDays, instruments, slotUsage } from "@/server/db/schema";
import { weekdayOf } from "@/server/domain/appointments/calendar";
import { bucketsOf } from "@/server/domain/filing/buckets";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome, seedForeign } from "../helpers/fixtures";
import { sessionCookie } from "../helpers/session-cookie";

/**
 * Issue 10 items 2, 3 (enterprise side) and 9: booking, drafts, submission numbers and slot places, 预约全部须检器具,
 * cancelling instruments, and the 年度检定计划 export. Concurrency on PostgreSQL (DATABASE_URL).
 */
process.env.NEXTAUTH_SECRET = "test-secret-for-annual-plan";
const { GET: annualPlan } = await import("@/app/api/appointments/annual-plan/route");

let database: Database;
let fx: Fixtures;
const today = chinaToday();
/** The station's instruments are on-site at the Baiyun county institute (byjls, on-site capacity 10 per slot). */
let openDays: string[] = [];

beforeAll(async () => {
  database = await openTestDb();
  (globalThis as unknown as { __qjtDb?: Promise<Database> }).__qjtDb = Promise.resolve(database);
  fx = await loadFixtures(database.db);
  fx.foreign = await seedForeign(database.db, fx);
  const me = await callerAs(database.db, "jyzqy");
  const slots = await me.appointment.openSlots({ institutionId: fx.org.byInstitute!, days: 62 });
  openDays = slots.days.map((d) => d.day);
});
afterAll(() => database?.close());

const db = () => database.db;
const ids = (...serials: string[]) => serials.map((s) => fx.instrument[s]!);
const fields = (serials: string[], day: string, slotStart = "08:30") => ({
  instrumentIds: ids(...serials),
  day,
  slotStart,
  contactName: "王站长",
  contactPhone: "13800000001",
  siteAddress: "白云区示例路 1 号",
});
const flow = async (serial: string) => (await db().select({ f: instruments.flowStatus }).from(instruments).where(eq(instruments.id, fx.instrument[serial]!)))[0]!.f;
const used = async (institutionId: number, day: string, method: "send_in" | "on_site") =>
  (await db().select({ used: slotUsage.used }).from(slotUsage).where(and(eq(slotUsage.institutionId, institutionId), eq(slotUsage.day, day), eq(slotUsage.method, method))))
    .map((r) => r.used)
    .reduce((a, b) => a + b, 0);
const audits = async (action: string, entityId: number) =>
  db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId)))).orderBy(desc(auditLog.id));
const errorOf = async (call: () => Promise<unknown>) => {
  try {
    await call();
    return "ok";
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message}`;
  }
};

describe("issue 10 #2 booking: draft → submit (R-APT-1, R-APT-2, R-APT-3, R-APT-5)", () => {
  it("R-APT-2 the chosen instruments split by institution and method, and the page can say how many appointments", async () => {
    const me = await callerAs(db(), "jyzqy");
    const split = await me.booking.split({ instrumentIds: ids("TZ-JYJ-0001", "TZ-JYJ-0002", "BA-0007", "BA-0008") });
    expect(split.groups.map((g) => [g.institutionId, g.method, g.instruments.length])).toEqual([
      [fx.org.byInstitute, "on_site", 2],
      [fx.org.gzInstitute, "on_site", 1],
    ]);
    expect(split.blocked).toEqual([expect.objectContaining({ serialNo: "BA-0008", reason: expect.stringContaining("已备案") })]);
  });

  it("R-APT-1 the candidates are only bookable instruments, filtered like the ledger", async () => {
    const me = await callerAs(db(), "jyzqy");
    const all = await me.booking.candidates({ limit: 200 });
    const serials = all.items.map((i) => i.serialNo);
    expect(serials).toEqual(expect.arrayContaining(["TZ-JYJ-0001", "BA-0001", "BA-0003"]));
    for (const s of ["BA-0008", "TZ-JYJ-0023", "TZ-JYJ-0024", "YY-0001", "BA-0014"]) expect(serials).not.toContain(s);
    const overdue = await me.booking.candidates({ limit: 200, bucket: "overdue" });
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((i) => i.bucket === "overdue" || i.bucket === "invalid")).toBe(true);
    const gz = await me.booking.candidates({ limit: 200, q: "BA-000" });
    expect(gz.items.every((i) => i.serialNo.startsWith("BA-000"))).toBe(true);
    const kindId = fx.kind["燃油加油机"]!;
    expect((await me.booking.candidates({ limit: 200, kindId })).items.length).toBe(all.items.filter((i) => i.kindName === "燃油加油机").length);
    const page1 = await me.booking.candidates({ limit: 5 });
    const page2 = await me.booking.candidates({ limit: 5, cursor: page1.nextCursor });
    expect(page2.items[0]!.id).toBeLessThan(page1.items.at(-1)!.id);
  });

  it("R-APT-3 R-APT-5 a draft holds its instruments but no places; submitting takes the places and the day's X number, with history and audit", async () => {
    const me = await callerAs(db(), "jyzqy");
    const day = openDays[0]!;
    const before = await used(fx.org.byInstitute!, day, "on_site");
    const [draft] = await me.booking.create({ appointments: [fields(["TZ-JYJ-0001", "TZ-JYJ-0002"], day)] });
    expect(draft!.number).toBeNull();
    expect(await flow("TZ-JYJ-0001")).toBe("appointment");
    expect(await used(fx.org.byInstitute!, day, "on_site")).toBe(before);
    const got = await me.booking.get({ id: draft!.id });
    expect(got).toMatchObject({ state: "draft", method: "on_site", institutionId: fx.org.byInstitute, slotLabel: "上午", items: [{ state: "booked" }, { state: "booked" }] });

    const sub = await me.booking.submit({ id: draft!.id });
    expect(sub.number).toMatch(new RegExp(`^X${compactDay(today)}\\d{6}$`));
    expect(await used(fx.org.byInstitute!, day, "on_site")).toBe(before + 2);
    const [row] = await db().select().from(appointments).where(eq(appointments.id, draft!.id));
    expect(row).toMatchObject({ state: "submitted", number: sub.number, instrumentCount: 2 });
    expect(row!.history.map((h) => h.action)).toEqual(["created", "submitted"]);
    expect((await audits("appointment.submit", draft!.id))[0]).toMatchObject({ actorUserId: fx.user.jyzqy, after: { state: "submitted", number: sub.number } });
    expect(await audits("appointment.create", draft!.id)).toHaveLength(1);
    // Submitting twice is refused: the state changed.
    expect(await outcome(() => me.booking.submit({ id: draft!.id }))).toBe("CONFLICT");
    const list = await me.booking.list({ limit: 50, state: "submitted" });
    expect(list.items.find((i) => i.id === draft!.id)).toMatchObject({ number: sub.number, instrumentCount: 2, institutionName: expect.any(String) });
  });

  it("R-APT-4 a draft is edited (instruments, day, slot) and deleted; removed instruments are free again", async () => {
    const me = await callerAs(db(), "jyzqy");
    const [d] = await me.booking.create({ appointments: [fields(["TZ-JYJ-0003", "TZ-JYJ-0004"], openDays[1]!)] });
    await me.booking.update({ id: d!.id, ...fields(["TZ-JYJ-0004", "TZ-JYJ-0005"], openDays[2]!, "14:00"), remark: "请带油罐车" });
    expect(await flow("TZ-JYJ-0003")).toBeNull();
    expect(await flow("TZ-JYJ-0005")).toBe("appointment");
    const got = await me.booking.get({ id: d!.id });
    expect(got).toMatchObject({ day: openDays[2], slotLabel: "下午", remark: "请带油罐车" });
    expect(got.items.map((i) => i.serialNo)).toEqual(["TZ-JYJ-0004", "TZ-JYJ-0005"]);
    expect(await audits("appointment.update", d!.id)).toHaveLength(1);
    // Another enterprise cannot touch it.
    const other = await callerAs(db(), "yyqy");
    expect(await outcome(() => other.booking.remove({ id: d!.id }))).toBe("NOT_FOUND");
    await me.booking.remove({ id: d!.id });
    expect(await db().select().from(appointments).where(eq(appointments.id, d!.id))).toHaveLength(0);
    expect(await flow("TZ-JYJ-0004")).toBeNull();
    expect(await flow("TZ-JYJ-0005")).toBeNull();
    expect((await audits("appointment.delete", d!.id))[0]).toMatchObject({ before: { state: "draft", instrumentIds: ids("TZ-JYJ-0004", "TZ-JYJ-0005") } });
  });
});

describe("issue 10 bad input: booking refuses in Chinese and writes nothing", () => {
  const countAll = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(appointments))[0]!.n;

  it("R-APT-1 unfiled, stopped, scrapped, in filing or already booked instruments are refused, naming the instrument", async () => {
    const me = await callerAs(db(), "jyzqy");
    const n = await countAll();
    const day = openDays[3]!;
    expect(await errorOf(() => me.booking.create({ appointments: [fields(["BA-0008"], day)] }))).toMatch(/^BAD_REQUEST: .*BA-0008.*只有已备案/);
    expect(await errorOf(() => me.booking.create({ appointments: [fields(["TZ-JYJ-0023"], day)] }))).toMatch(/^BAD_REQUEST: .*TZ-JYJ-0023.*停用或报废/);
    expect(await errorOf(() => me.booking.create({ appointments: [fields(["TZ-JYJ-0024"], day)] }))).toMatch(/^BAD_REQUEST: .*TZ-JYJ-0024.*停用或报废/);
    expect(await errorOf(() => me.booking.create({ appointments: [fields(["BA-0014"], day)] }))).toMatch(/^CONFLICT: .*备案流程中/);
    expect(await errorOf(() => me.booking.create({ appointments: [fields(["TZ-JYJ-0006", "YY-0001"], day)] }))).toMatch(/^CONFLICT: .*YY-0001.*已在其他未完成的预约单中/);
    expect(await countAll()).toBe(n);
    expect(await flow("TZ-JYJ-0006")).toBeNull();
  });

  it("R-APT-2 one appointment never mixes institutions or methods", async () => {
    const me = await callerAs(db(), "jyzqy");
    expect(await errorOf(() => me.booking.create({ appointments: [fields(["TZ-JYJ-0006", "BA-0007"], openDays[3]!)] }))).toMatch(/^BAD_REQUEST: 一张预约单只能包含同一检定机构、同一检定方式/);
  });

  it("R-APT-5 a past day, today, a weekend, a holiday and the institution's closed day are refused", async () => {
    const me = await callerAs(db(), "jyzqy");
    const one = (day: string) => errorOf(() => me.booking.create({ appointments: [fields(["TZ-JYJ-0006"], day)] }));
    expect(await one(addDays(today, -1))).toMatch(/^BAD_REQUEST: 预约日期已过/);
    expect(await one(today)).toMatch(/^BAD_REQUEST: 不能预约当天/);
    let sat = addDays(today, 1);
    while (weekdayOf(sat) !== 6 || !openDays.every((d) => d !== sat)) sat = addDays(sat, 1);
    expect(await one(sat)).toMatch(/^BAD_REQUEST: 该日期是周末/);
    const holiday = openDays[10]!;
    await db().insert(calendarDays).values({ day: holiday, kind: "holiday", name: "测试假日", source: "admin" });
    expect(await one(holiday)).toMatch(/^BAD_REQUEST: 该日期是法定节假日/);
    const closed = openDays[11]!;
    await db().insert(institutionClosedDays).values({ institutionId: fx.org.byInstitute!, day: closed, reason: "设备检修" });
    expect(await one(closed)).toMatch(/^BAD_REQUEST: 机构该日停止受理预约/);
    expect(await one(openDays[3]!.replace(/-\d\d$/, "-32"))).toMatch(/^BAD_REQUEST/);
    expect(await errorOf(() => me.booking.create({ appointments: [fields(["TZ-JYJ-0006"], openDays[3]!, "10:00")] }))).toMatch(/^BAD_REQUEST: 机构不提供所选时段/);
  });

  it("R-APT-5 a full slot is shown as full and refused; the draft stays as it was", async () => {
    const me = await callerAs(db(), "jyzqy");
    const day = openDays[4]!;
    const ten = Array.from({ length: 10 }, (_, i) => `TZ-JYJ-${String(i + 7).padStart(4, "0")}`);
    await me.booking.create({ appointments: [fields(ten, day)], submit: true });
    const slots = await me.appointment.openSlots({ institutionId: fx.org.byInstitute!, fromDay: day, days: 1 });
    expect(slots.days[0]!.slots.find((s) => s.startTime === "08:30")!.remaining.on_site).toBe(0);
    const [d] = await me.booking.create({ appointments: [fields(["TZ-JYJ-0017"], day)] });
    expect(await errorOf(() => me.booking.submit({ id: d!.id }))).toMatch(/^CONFLICT: .*该时段已约满/);
    const [row] = await db().select().from(appointments).where(eq(appointments.id, d!.id));
    expect(row).toMatchObject({ state: "draft", number: null, instrumentCount: 0 });
    expect(await used(fx.org.byInstitute!, day, "on_site")).toBe(10);
    // Submitting with instruments above capacity straight away is refused as a whole: no appointment is left.
    const n = await countAll();
    expect(await errorOf(() => me.booking.create({ appointments: [fields(["TZ-JYJ-0018"], day)], submit: true }))).toMatch(/^CONFLICT: .*已约满/);
    expect(await countAll()).toBe(n);
    expect(await flow("TZ-JYJ-0018")).toBeNull();
    await me.booking.remove({ id: d!.id });
  });

  it("R-SCOPE-4 another enterprise's instruments and appointments are not found", async () => {
    const me = await callerAs(db(), "jyzqy");
    expect(await outcome(() => me.booking.create({ appointments: [{ ...fields([], openDays[3]!), instrumentIds: [fx.foreign!.instrument.filed] }] }))).toBe("NOT_FOUND");
    expect(await outcome(() => me.booking.cancelItems({ appointmentId: fx.foreign!.appointment.confirmed, itemIds: [fx.foreign!.appointmentItem.booked] }))).toBe("NOT_FOUND");
    expect(await outcome(() => me.booking.get({ id: fx.appointment["YY-0101"]! }))).toBe("NOT_FOUND");
  });
});

describe("issue 10 #3 enterprise side: cancel instruments not yet received, 被拒绝 and book again", () => {
  it("R-APT-4 cancelling releases the places; the appointment becomes 已取消 when nothing is left", async () => {
    const me = await callerAs(db(), "jyzqy");
    const id = fx.appointment["YY-0004"]!;
    const [a] = await db().select().from(appointments).where(eq(appointments.id, id));
    const before = await used(a!.institutionId, a!.day, "on_site");
    const first = await me.booking.cancelItems({ appointmentId: id, itemIds: [fx.appointmentItem["YY-0004"]!], reason: "该枪已停用" });
    expect(first).toMatchObject({ state: "confirmed", cancelled: 1 });
    expect(await used(a!.institutionId, a!.day, "on_site")).toBe(before - 1);
    expect(await flow("YY-0004")).toBeNull();
    expect(await outcome(() => me.booking.cancelItems({ appointmentId: id, itemIds: [fx.appointmentItem["YY-0004"]!] }))).toBe("CONFLICT");
    const second = await me.booking.cancelItems({ appointmentId: id, itemIds: [fx.appointmentItem["YY-0005"]!] });
    expect(second.state).toBe("cancelled");
    expect(await used(a!.institutionId, a!.day, "on_site")).toBe(before - 2);
    const [after] = await db().select().from(appointments).where(eq(appointments.id, id));
    expect(after).toMatchObject({ state: "cancelled", instrumentCount: 0 });
    expect(after!.history.at(-1)).toMatchObject({ action: "item_cancelled", state: "cancelled" });
    expect((await audits("appointment.cancel_items", id))[0]).toMatchObject({ after: { state: "cancelled", instrumentCount: 0 } });
    // Instruments already received are not cancelled.
    const hospital = await callerAs(db(), "yyqy");
    expect(await errorOf(() => hospital.booking.cancelItems({ appointmentId: fx.appointment["YY-0103"]!, itemIds: [fx.appointmentItem["YY-0103"]!] }))).toMatch(/^CONFLICT/);
  });

  it("R-APT-4 the 被拒绝 list shows the reason, and its instruments can be booked again", async () => {
    const me = await callerAs(db(), "jyzqy");
    const rejected = await me.booking.list({ limit: 20, state: "rejected" });
    expect(rejected.items.map((r) => r.id)).toContain(fx.appointment["YY-0002"]);
    expect(rejected.items[0]!.rejectReason).toBeTruthy();
    const got = await me.booking.get({ id: fx.appointment["YY-0002"]! });
    const again = await me.booking.split({ instrumentIds: got.items.map((i) => i.instrumentId) });
    expect(again.blocked).toEqual([]);
    const [d] = await me.booking.create({ appointments: [fields(["YY-0002"], openDays[5]!)], submit: true });
    expect(d!.number).toMatch(/^X/);
  });
});

describe("issue 10 #2 预约全部须检器具 (R-BKT-1, R-BKT-2)", () => {
  it("R-BKT-1 R-BKT-2 every bookable due or overdue instrument goes into a draft per institution + method, on an open day with room", async () => {
    const me = await callerAs(db(), "yyqy");
    const all = await db()
      .select()
      .from(instruments)
      .where(eq(instruments.enterpriseId, fx.org.hospitalEnterprise!));
    const expected = all
      .filter((i) => {
        const b = bucketsOf({ approvedOn: i.filingApprovedOn, validUntil: i.validUntil, failedSince: i.failedSince }, today);
        const bookable = ["new", "in_use"].includes(i.status) && !i.flowStatus && i.institutionId && (i.filingStatus === "filed" || i.certificateNo || i.validUntil);
        return (b.due || b.overdue) && bookable;
      })
      .map((i) => i.id)
      .sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(2);
    const preview = await me.booking.prepareDue({ preview: true });
    expect(preview.created.every((c) => c.id === null)).toBe(true);
    const n = (await db().select({ n: sql<number>`count(*)::int` }).from(appointments))[0]!.n;
    expect(n).toBe((await db().select({ n: sql<number>`count(*)::int` }).from(appointments))[0]!.n);
    const r = await me.booking.prepareDue({ preview: false });
    expect(r.created.length).toBe(preview.created.length);
    expect(r.instruments).toBe(expected.length);
    const items = await db()
      .select({ appointmentId: appointmentItems.appointmentId, instrumentId: appointmentItems.instrumentId, institutionId: instruments.institutionId, method: instruments.method })
      .from(appointmentItems)
      .innerJoin(instruments, eq(instruments.id, appointmentItems.instrumentId))
      .where(inArray(appointmentItems.appointmentId, r.created.map((c) => c.id!)));
    expect(items.map((i) => i.instrumentId).sort((a, b) => a - b)).toEqual(expected);
    const drafts = await db().select().from(appointments).where(inArray(appointments.id, r.created.map((c) => c.id!)));
    for (const d of drafts) {
      expect(d.state).toBe("draft");
      expect(items.filter((i) => i.appointmentId === d.id).every((i) => i.institutionId === d.institutionId && i.method === d.method)).toBe(true);
      const open = await me.appointment.openSlots({ institutionId: d.institutionId, fromDay: d.day, days: 1 });
      expect(open.days[0]?.day).toBe(d.day);
    }
    expect(new Set(drafts.map((d) => `${d.institutionId}:${d.method}`)).size).toBe(drafts.length);
    // Nothing due is left to prepare.
    expect(await errorOf(() => me.booking.prepareDue({ preview: false }))).toMatch(/^BAD_REQUEST: 没有可预约的须检或超期未检器具/);
    for (const d of drafts) await me.booking.remove({ id: d.id });
  });
});

describe.runIf(process.env.DATABASE_URL)("issue 10 concurrency on PostgreSQL (R-APT-3, R-APT-5)", () => {
  it("R-APT-5 two enterprises race for the last place of a slot: exactly one wins, the other is told the slot is full", async () => {
    // The station's BA-0003 and BA-0007 go to the city institute as well; make them send-in for this race.
    await db().update(instruments).set({ method: "send_in" }).where(inArray(instruments.id, ids("BA-0003", "BA-0007")));
    const gz = fx.org.gzInstitute!;
    const slots = await (await callerAs(db(), "yyqy")).appointment.openSlots({ institutionId: gz, days: 62 });
    const day = slots.days[6]!.day;
    const station = await callerAs(db(), "jyzqy");
    const hospital = await callerAs(db(), "yyqy");
    const [s1] = await station.booking.create({ appointments: [{ ...fields(["BA-0003"], day), siteAddress: null }] });
    const [s2] = await station.booking.create({ appointments: [{ ...fields(["BA-0007"], day), siteAddress: null }] });
    const hs = await hospital.booking.create({ appointments: ["TZ-TWJ-0008", "TZ-TWJ-0009", "TZ-TWJ-0010", "TZ-TWJ-0011"].map((s) => ({ ...fields([s], day), siteAddress: null })) });
    const [slot] = await db().select().from(slotUsage).where(and(eq(slotUsage.institutionId, gz), eq(slotUsage.day, day)));
    expect(slot).toBeUndefined();
    // 49 of 50 places taken by others.
    const morning = (await hospital.appointment.openSlots({ institutionId: gz, fromDay: day, days: 1 })).days[0]!.slots[0]!;
    const [{ id: slotId }] = (await db().select({ id: appointmentSlots.id }).from(appointmentSlots).where(and(eq(appointmentSlots.institutionId, gz), eq(appointmentSlots.startTime, "08:30"), isNull(appointmentSlots.retiredAt)))) as [{ id: number }];
    await db().insert(slotUsage).values({ institutionId: gz, day, slotId, method: "send_in", used: morning.capacity.send_in - 1 });
    const racers = [
      { who: station, id: s1!.id },
      { who: hospital, id: hs[0]!.id },
    ];
    const results = await Promise.all(racers.map((r) => errorOf(() => r.who.booking.submit({ id: r.id }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok")).toEqual([expect.stringMatching(/^CONFLICT: .*该时段已约满/)]);
    expect(await used(gz, day, "send_in")).toBe(morning.capacity.send_in);

    // Many parallel submissions for the last 2 places: never above capacity, exactly 2 win.
    await db().update(slotUsage).set({ used: morning.capacity.send_in - 2 }).where(and(eq(slotUsage.institutionId, gz), eq(slotUsage.day, day)));
    const rest = [s2!.id, ...hs.slice(1).map((h) => h.id), ...(results[0] === "ok" ? [hs[0]!.id] : [s1!.id])];
    const callers = [station, hospital, hospital, hospital, results[0] === "ok" ? hospital : station];
    const many = await Promise.all(rest.map((id, i) => errorOf(() => callers[i]!.booking.submit({ id }))));
    expect(many.filter((r) => r === "ok")).toHaveLength(2);
    expect(many.filter((r) => r !== "ok").every((r) => /该时段已约满/.test(r))).toBe(true);
    expect(await used(gz, day, "send_in")).toBe(morning.capacity.send_in);
  });

  it("R-APT-1 two parallel bookings of the same instrument: one draft holds it, the other is told it is already booked", async () => {
    const [a, b] = await Promise.all([callerAs(db(), "jyzqy"), callerAs(db(), "jyzqy")]);
    const got = await Promise.all([a, b].map((c) => errorOf(() => c.booking.create({ appointments: [fields(["TZ-JYJ-0018"], openDays[8]!)] }))));
    expect(got.filter((g) => g === "ok")).toHaveLength(1);
    expect(got.filter((g) => g !== "ok")).toEqual([expect.stringMatching(/^CONFLICT: .*已在其他未完成的预约单中/)]);
    const open = await db().select().from(appointmentItems).where(and(eq(appointmentItems.instrumentId, fx.instrument["TZ-JYJ-0018"]!), eq(appointmentItems.state, "booked")));
    expect(open).toHaveLength(1);
  });

  it("R-APT-3 parallel submissions never share a number", async () => {
    const me = await callerAs(db(), "jyzqy");
    const day = openDays[7]!;
    const serials = ["TZ-JYJ-0019", "TZ-JYJ-0020", "TZ-JYJ-0021", "TZ-JYJ-0022", "BA-0001", "BA-0002", "BA-0004", "BA-0005", "BA-0006", "YY-0006"];
    const drafts = await me.booking.create({ appointments: serials.map((s, i) => fields([s], day, i % 2 ? "14:00" : "08:30")) });
    const callers = await Promise.all(drafts.map(() => callerAs(db(), "jyzqy")));
    const got = await Promise.all(drafts.map((d, i) => callers[i]!.booking.submit({ id: d.id })));
    const numbers = got.map((g) => g.number);
    expect(new Set(numbers).size).toBe(10);
    const seqs = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(9);
  });
});

describe("issue 10 #9 年度检定计划 export", () => {
  const cookie = async (username: string) => ({
    cookie: await sessionCookie(fx.user[username]!),
  });
  const plan = async (username: string, year: string) => annualPlan(new Request(`http://localhost/api/appointments/annual-plan?year=${year}`, { headers: await cookie(username) }));

  it("issue 10 #9 the instruments due in the year, month by month, with department, institution, last certificate and method", async () => {
    const year = Number(today.slice(0, 4)) + 1;
    const res = await plan("jyzqy", String(year));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent(`年度检定计划-${year}.xlsx`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet("年度检定计划")!;
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows[0]![0]).toContain(`${year} 年度检定计划`);
    expect(rows[2]).toEqual(["计划月份", "部门", "检定机构", "器具名称", "型号规格", "出厂编号", "器具编码", "安装使用地点", "上次证书编号", "有效期至", "计划检定方式", "说明"]);
    const data = rows.filter((r) => /^\d+月$/.test(r[0]!));
    const mine = (await db().select().from(instruments).where(eq(instruments.enterpriseId, fx.org.stationEnterprise!))).filter(
      (i) => ["new", "in_use"].includes(i.status) && i.validUntil?.startsWith(String(year)),
    );
    expect(data.map((r) => r[5]).sort()).toEqual(mine.map((i) => i.serialNo).sort());
    for (const r of data) {
      const i = mine.find((m) => m.serialNo === r[5])!;
      expect(r[0]).toBe(`${Number(i.validUntil!.slice(5, 7))}月`);
      expect(r[8]).toBe(i.certificateNo ?? "");
      expect(r[9]).toBe(i.validUntil);
      expect(["现场检定", "送检"]).toContain(r[10]);
    }
    const months = data.map((r) => Number(r[0]!.replace("月", "")));
    expect(months).toEqual([...months].sort((a, b) => a - b));
    expect(rows.some((r) => /^\d+ 月（\d+ 台）$/.test(r[0]!))).toBe(true);
    expect(wb.getWorksheet("汇总")!.rowCount).toBeGreaterThan(1);
    // Nothing of another enterprise.
    expect(JSON.stringify(rows)).not.toContain(fx.foreign!.marker);
  });

  it("issue 10 #9 a bad year is refused, and only enterprises get a plan", async () => {
    expect((await plan("jyzqy", "abc")).status).toBe(400);
    expect((await plan("gzjly", "2027")).status).toBe(403);
    const anon = await annualPlan(new Request("http://localhost/api/appointments/annual-plan?year=2027"));
    expect(anon.status).toBe(401);
  });
});
