import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/china-day";
import type { Database, DB } from "@/server/db/open";
import { expiryWarnings, instruments, outbox, users } from "@/server/db/schema";
import { sweepExpiry } from "@/server/jobs/sweep";
import { openTestDb } from "../helpers/db";

// Issue 14 #3: the sweep is set-based, a batch of enterprises (those with work, at most `batchSize`) per transaction. What the batching must not
// change (R-WRN-1): one message per enterprise and kind whichever batch it falls in, counting all its
// instruments, naming the most urgent ones; warnings an older sweep left untold are told once; two sweeps
// at once send nothing twice.
let database: Database;
let db: DB;
const T = "2040-03-01";
/** 08:00 China time on `day`. */
const at = (day: string) => new Date(`${day}T08:00:00+08:00`);
type Ent = { id: number; due: { id: number; name: string; validUntil: string }[]; over: { id: number; name: string } };
let ents: Ent[] = [];
let legacy: { enterpriseId: number; instrumentId: number; name: string };

beforeAll(async () => {
  database = await openTestDb();
  db = database.db;
  // Nothing of the demo data in this test's windows: every other validity is moved far away.
  await db.update(instruments).set({ validUntil: "2099-01-01" }).where(sql`${instruments.validUntil} between ${addDays(T, -60)}::date and ${addDays(T, 60)}::date`);
  const active = await db
    .select({ id: instruments.id, enterpriseId: instruments.enterpriseId })
    .from(instruments)
    .where(sql`${instruments.status} not in ('stopped', 'scrapped')`)
    .orderBy(instruments.enterpriseId, instruments.id);
  const byEnt = new Map<number, number[]>();
  for (const r of active) byEnt.set(r.enterpriseId, [...(byEnt.get(r.enterpriseId) ?? []), r.id]);
  const picked = [...byEnt.entries()].filter(([, ids]) => ids.length >= 5).slice(0, 3);
  expect(picked).toHaveLength(3);
  // Per enterprise: three due (named so that the most urgent sorts last by name and by id), one overdue.
  const plan: [number, string][] = [[20, "丙"], [5, "甲"], [12, "乙"]];
  for (const [e, ids] of picked) {
    const ent: Ent = { id: e, due: [], over: { id: ids[3]!, name: `过期-${e}` } };
    for (const [k, [days, n]] of plan.entries()) {
      const name = `${n}-${e}`;
      await db.update(instruments).set({ validUntil: addDays(T, days), name }).where(eq(instruments.id, ids[k]!));
      ent.due.push({ id: ids[k]!, name, validUntil: addDays(T, days) });
    }
    await db.update(instruments).set({ validUntil: addDays(T, -2), name: ent.over.name }).where(eq(instruments.id, ent.over.id));
    ents.push(ent);
  }
  ents = ents.sort((a, b) => a.id - b.id);
  // An older sweep's warning that was never told (the sweep died before telling): the enterprise's fourth due one.
  const e0 = picked[0]!;
  legacy = { enterpriseId: e0[0], instrumentId: e0[1][4]!, name: `旧-${e0[0]}` };
  await db.update(instruments).set({ validUntil: addDays(T, 25), name: legacy.name }).where(eq(instruments.id, legacy.instrumentId));
  await db.insert(expiryWarnings).values({ instrumentId: legacy.instrumentId, enterpriseId: legacy.enterpriseId, kind: "due30", validUntil: addDays(T, 25), day: addDays(T, -1) });
});
afterAll(async () => {
  await database?.close();
});

const inapp = async (template: string) =>
  db.select({ recipient: outbox.recipient, body: outbox.body, data: outbox.data }).from(outbox).where(and(eq(outbox.template, template), eq(outbox.channel, "inapp"))).orderBy(outbox.id);
const members = async (orgId: number) =>
  (await db.select({ u: users.username }).from(users).where(and(eq(users.orgId, orgId), eq(users.active, true)))).map((r) => r.u).sort();

describe("issue 14 #3 the set-based sweep", () => {
  it("R-WRN-1 in batches of 2 organisations: one message per enterprise and kind, all its instruments counted, the most urgent named first; an untold older warning is told once", async () => {
    // Three enterprises have work: batches of 2 enterprises make two transactions, so the batching is exercised.
    expect(ents).toHaveLength(3);

    const r = await sweepExpiry(db, { now: at(T), batchSize: 2 });
    // Fresh warnings only: the older one is told but was not inserted today.
    expect(r).toMatchObject({ day: T, warned: { due30: 9, expired: 3 }, enterprises: 3 });
    const due = await inapp("expiry_due");
    const overdue = await inapp("expiry_overdue");
    for (const e of ents) {
      const mine = due.filter((m) => (m.data as { orgId: number }).orgId === e.id);
      const users = await members(e.id);
      // One message per member (none twice), whatever batch the enterprise fell in.
      expect(mine.map((m) => m.recipient).sort()).toEqual(users);
      const n = e.id === legacy.enterpriseId ? 4 : 3;
      const [a, b, c] = [...e.due].sort((x, y) => x.validUntil.localeCompare(y.validUntil)).map((d) => d.name);
      for (const m of mine) {
        expect(m.body).toContain(n === 4 ? `${a}、${b}、${c} 等 4 台器具` : `${a}、${b}、${c}（3 台）`);
        expect(m.body).toContain(`最早 ${addDays(T, 5)}`);
      }
      expect(overdue.filter((m) => (m.data as { orgId: number }).orgId === e.id).map((m) => m.recipient).sort()).toEqual(users);
    }
    expect(await db.select().from(expiryWarnings).where(isNull(expiryWarnings.notifiedAt))).toEqual([]);
    // Nothing again, the same day or the next.
    for (const day of [T, addDays(T, 1)]) expect(await sweepExpiry(db, { now: at(day), batchSize: 2 })).toMatchObject({ warned: { due30: 0, expired: 0 }, enterprises: 0, messages: 0 });
    expect((await inapp("expiry_due")).length).toBe(due.length);
  });

  it("R-WRN-1 an enterprise whose only work is a warning an older sweep left untold is told, once (the sweep's first read finds it)", async () => {
    const T3 = addDays(T, 100);
    const e = ents[1]!;
    const d = e.due[0]!;
    await db.update(instruments).set({ validUntil: addDays(T3, 20) }).where(eq(instruments.id, d.id));
    // Left by a sweep that died before telling: nothing else of any enterprise is due on T3.
    await db.insert(expiryWarnings).values({ instrumentId: d.id, enterpriseId: e.id, kind: "due30", validUntil: addDays(T3, 20), day: addDays(T3, -1) });
    const before = (await inapp("expiry_due")).length;
    const r = await sweepExpiry(db, { now: at(T3), batchSize: 2 });
    expect(r).toMatchObject({ warned: { due30: 0, expired: 0 }, enterprises: 1 });
    const told = (await inapp("expiry_due")).slice(before);
    expect(told.map((m) => m.recipient).sort()).toEqual(await members(e.id));
    expect(told[0]!.body).toContain(d.name);
    expect(await db.select().from(expiryWarnings).where(isNull(expiryWarnings.notifiedAt))).toEqual([]);
    expect(await sweepExpiry(db, { now: at(T3), batchSize: 2 })).toMatchObject({ enterprises: 0, messages: 0 });
  });

  it("R-WRN-1 two sweeps at once (separate connections on PostgreSQL) write each warning once and tell each enterprise once", async () => {
    const T2 = addDays(T, 200);
    const ids = ents.flatMap((e) => e.due.map((d) => d.id));
    await db.update(instruments).set({ validUntil: addDays(T2, 10) }).where(inArray(instruments.id, ids));
    const before = (await inapp("expiry_due")).length;
    // Another sweep holds, uncommitted, the warning of one instrument while this one runs: this one must wait
    // for it and then leave that instrument alone (not fail, not write it twice).
    const held = ents[0]!.due[0]!;
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let holding = () => {};
    const inserted = new Promise<void>((r) => (holding = r));
    const other = db.transaction(async (tx) => {
      await tx.insert(expiryWarnings).values({ instrumentId: held.id, enterpriseId: ents[0]!.id, kind: "due30", validUntil: addDays(T2, 10), day: T2, notifiedAt: sql`now()` });
      holding();
      await gate;
    });
    await Promise.race([inserted, new Promise((r) => setTimeout(r, 2000))]);
    const sweeps = Promise.all([sweepExpiry(db, { now: at(T2), batchSize: 2 }), sweepExpiry(db, { now: at(T2), batchSize: 2 })]);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await other;
    const reports = await sweeps;
    expect(reports[0]!.warned.due30 + reports[1]!.warned.due30).toBe(ids.length - 1);
    const after = (await inapp("expiry_due")).slice(before);
    const expected = (await Promise.all(ents.map((e) => members(e.id)))).flat().sort();
    expect(after.map((m) => m.recipient).sort()).toEqual(expected);
    const keys = await db.select({ id: expiryWarnings.id }).from(expiryWarnings).where(and(inArray(expiryWarnings.instrumentId, ids), eq(expiryWarnings.validUntil, addDays(T2, 10))));
    expect(keys).toHaveLength(ids.length);
  });
});
