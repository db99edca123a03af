import { and, eq, gt } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { filings, outbox, users } from "@/server/db/schema";
import { deliverDue } from "@/server/jobs/outbox";
import { inAppProvider } from "@/server/notify/providers";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures } from "../helpers/fixtures";

// Issue 13 #3: the events that exist now notify inside their decision's transaction.
let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(async () => {
  await database?.close();
});

const latestFiling = async (serial: string) =>
  (await database.db.select().from(filings).where(eq(filings.instrumentId, fx.instrument[serial]!)).orderBy(filings.id)).at(-1)!;
const usersOf = async (orgId: number) => (await database.db.select({ u: users.username }).from(users).where(eq(users.orgId, orgId))).map((r) => r.u).sort();
async function queuedSince(id: number, template: string) {
  return database.db.select().from(outbox).where(and(gt(outbox.id, id), eq(outbox.template, template))).orderBy(outbox.id);
}
const lastId = async () => (await database.db.select({ id: outbox.id }).from(outbox).orderBy(outbox.id)).at(-1)?.id ?? 0;

describe("issue 13 #3 filing and registration events", () => {
  it("a filing assignment tells the target institution; its confirmation tells the enterprise (in-app to every member)", async () => {
    const before = await lastId();
    const f = await latestFiling("BA-0015");
    await (await callerAs(database.db, "gzjly")).filing.assign({ filingIds: [f.id], countyInstitutionId: fx.org.byInstitute });
    const assigned = await queuedSince(before, "filing_assigned");
    expect(assigned.filter((r) => r.channel === "inapp").map((r) => r.recipient).sort()).toEqual(await usersOf(fx.org.byInstitute!));
    expect(assigned[0]!.body).toMatch(/分派给本机构/);

    const mid = await lastId();
    await (await callerAs(database.db, "byjls")).filing.confirm({ filingIds: [f.id] });
    const approved = await queuedSince(mid, "filing_approved");
    expect(approved.filter((r) => r.channel === "inapp").map((r) => r.recipient).sort()).toEqual(await usersOf(fx.org.stationEnterprise!));
    expect(approved[0]!.body).toMatch(/备案通过/);
    // Delivered after the commit, it becomes the member's in-app message with a link.
    await deliverDue(database.db, { providers: { inapp: inAppProvider(database.db), email: { name: "n", send: async () => {} }, sms: { name: "n", send: async () => {} } }, limit: 500 });
    const ent = await callerAs(database.db, "jyzqy");
    const list = await ent.notification.list({ limit: 5, unreadOnly: true });
    expect(list.items[0]).toMatchObject({ event: "filing_approved", title: "备案已通过", link: "/enterprise/filings" });
    const n = await ent.notification.unreadCount();
    expect(n).toBeGreaterThan(0);
    await ent.notification.markRead({ ids: [list.items[0]!.id] });
    expect(await ent.notification.unreadCount()).toBe(n - 1);
    // Another user's ids mark nothing.
    const other = await callerAs(database.db, "yyqy");
    expect(await other.notification.markRead({ ids: list.items.map((i) => i.id) })).toEqual({ marked: 0 });
    await ent.notification.markAllRead();
    expect(await ent.notification.unreadCount()).toBe(0);
  });

  it("a failed decision queues nothing (the messages roll back with it)", async () => {
    const before = await lastId();
    const f = await latestFiling("BA-0015"); // already filed: approving again is refused
    await expect((await callerAs(database.db, "gzjly")).filing.approve({ filingIds: [f.id] })).rejects.toThrow();
    expect(await database.db.select().from(outbox).where(gt(outbox.id, before))).toEqual([]);
  });
});

describe("issue 13 #3 appointment events (issue 10 #3)", () => {
  it("confirming and rejecting an appointment each tell the enterprise in the decision's transaction", async () => {
    const desk = await callerAs(database.db, "byjls");
    const before = await lastId();
    await desk.appointmentDesk.confirm({ id: fx.appointment["YY-0001"]! });
    const confirmed = await queuedSince(before, "appointment_confirmed");
    expect(confirmed.filter((r) => r.channel === "inapp").map((r) => r.recipient).sort()).toEqual(await usersOf(fx.org.stationEnterprise!));
    expect(confirmed[0]!.body).toMatch(/已由广州市白云区计量检定所（示例）确认/);

    const mid = await lastId();
    await desk.appointmentDesk.reject({ id: fx.appointment["YY-0004"]!, reason: "检定车辆检修", cancelFilings: false });
    const rejected = await queuedSince(mid, "appointment_rejected");
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0]!.body).toMatch(/原因：检定车辆检修/);

    // A refused decision (already rejected) queues nothing.
    const last = await lastId();
    await expect(desk.appointmentDesk.reject({ id: fx.appointment["YY-0004"]!, reason: "再拒一次", cancelFilings: false })).rejects.toThrow();
    expect(await lastId()).toBe(last);
  });
});

describe("issue 13 #3 reception, 退单, results and fee events (issue 10 #5–#8)", () => {
  it("reception, 退单, recorded results (one message per recording) and a fee each tell the enterprise in their transaction", async () => {
    const desk = await callerAs(database.db, "gzjly");
    const apt = fx.appointment["YY-0101"]!;
    let mark = await lastId();
    await desk.reception.receive({ appointmentId: apt, itemIds: [fx.appointmentItem["YY-0101"]!] });
    const received = await queuedSince(mark, "appointment_received");
    expect(received.filter((r) => r.channel === "inapp").map((r) => r.recipient).sort()).toEqual(await usersOf(fx.org.hospitalEnterprise!));
    expect(received[0]!.body).toMatch(/已接收预约 .* 的 1 台器具/);

    mark = await lastId();
    await desk.reception.returnItems({ appointmentId: apt, itemIds: [fx.appointmentItem["YY-0102"]!], reason: "铭牌缺失" });
    expect((await queuedSince(mark, "appointment_withdrawn"))[0]!.body).toMatch(/退单，原因：铭牌缺失/);

    mark = await lastId();
    const day = chinaToday();
    await desk.results.record({
      appointmentId: apt,
      rows: [{ itemId: fx.appointmentItem["YY-0101"]!, verdict: "pass", verifiedOn: day, verifier: "李检定", checker: "王核验", approver: "陈批准", feeCents: 1250 }],
    });
    const issued = await queuedSince(mark, "result_issued");
    expect(issued.filter((r) => r.channel === "inapp")).toHaveLength((await usersOf(fx.org.hospitalEnterprise!)).length);
    expect(issued[0]!.body).toMatch(/合格 1 台（检定证书）/);
    expect((await queuedSince(mark, "fee_due"))[0]!.body).toMatch(/12\.50 元/);
  });
});
