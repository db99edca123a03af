import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DB } from "@/server/db/open";
import { expiryWarnings, instruments, jobRuns, organisations, outbox, users } from "@/server/db/schema";
import { sweepExpiry, sweepIfDue } from "@/server/jobs/sweep";
import { openTestDb } from "../helpers/db";

// R-WRN-1 / R-TIME-1: the process runs in UTC (vitest.config.ts sets TZ=UTC); the sweep's day is the China day.
let database: Database;
let db: DB;
let filed: { id: number; enterpriseId: number; institutionId: number; countyCode: string; cityCode: string; provinceCode: string; name: string };
const V = "2030-07-01";
/** The UTC instant of China local time `day` `hh:mm` (UTC+8). */
const china = (day: string, hhmm: string) => new Date(new Date(`${day}T${hhmm}:00+08:00`).getTime());

beforeAll(async () => {
  expect(new Date().getTimezoneOffset()).toBe(0);
  database = await openTestDb();
  db = database.db;
  const [row] = await db
    .select({ id: instruments.id, enterpriseId: instruments.enterpriseId, institutionId: instruments.institutionId, countyCode: instruments.countyCode, cityCode: instruments.cityCode, provinceCode: instruments.provinceCode, name: instruments.name })
    .from(instruments)
    .where(and(isNotNull(instruments.institutionId), sql`${instruments.status} not in ('stopped', 'scrapped')`))
    .limit(1);
  filed = { ...row!, institutionId: row!.institutionId! };
  await db.update(instruments).set({ validUntil: V }).where(eq(instruments.id, filed.id));
});
afterAll(async () => {
  await database?.close();
});

const templates = async () =>
  (await db.select({ template: outbox.template, recipient: outbox.recipient, channel: outbox.channel, body: outbox.body }).from(outbox).where(sql`${outbox.template} in ('expiry_due', 'expiry_overdue', 'overdue_digest')`)).filter(
    (r) => r.channel === "inapp",
  );
const usernamesOf = async (orgId: number) => (await db.select({ u: users.username }).from(users).where(eq(users.orgId, orgId))).map((r) => r.u);

describe("R-WRN-1 daily expiry sweep", () => {
  it("R-WRN-1 31 days before (China day, process in UTC) nothing; 30 days before one warning; 29 days and the last valid day nothing more", async () => {
    // 2030-05-31 23:59 in Shanghai is 15:59 UTC the same day: still 31 days before V.
    expect(await sweepExpiry(db, { now: china("2030-05-31", "23:59") })).toMatchObject({ day: "2030-05-31", warned: { due30: 0, expired: 0 } });
    expect(await templates()).toEqual([]);
    // One minute later it is 2030-06-01 in Shanghai (still 2030-05-31 in UTC): 30 days before V.
    expect(await sweepExpiry(db, { now: china("2030-06-01", "00:00") })).toMatchObject({ day: "2030-06-01", warned: { due30: 1 }, enterprises: 1 });
    const due = await templates();
    expect(due.map((r) => r.template)).toEqual(due.map(() => "expiry_due"));
    expect(due.map((r) => r.recipient).sort()).toEqual((await usernamesOf(filed.enterpriseId)).sort());
    expect(due[0]!.body).toContain(filed.name);
    expect(due[0]!.body).toContain(`最早 ${V}`);
    for (const [day, time] of [["2030-06-02", "09:00"], [V, "23:59"]] as const)
      expect(await sweepExpiry(db, { now: china(day, time) })).toMatchObject({ warned: { due30: 0, expired: 0 }, enterprises: 0, digests: 0, messages: 0 });
    expect(await templates()).toHaveLength(due.length);
  });

  it("R-WRN-1 on the day validUntil has passed (V + 1 in Shanghai): the enterprise is warned, and its institution and regulators get one digest each; a second run sends nothing", async () => {
    const before = (await templates()).length;
    const r = await sweepExpiry(db, { now: china("2030-07-02", "00:00") });
    expect(r).toMatchObject({ day: "2030-07-02", warned: { due30: 0, expired: 1 }, enterprises: 1 });
    const after = (await templates()).slice(before);
    const overdue = after.filter((x) => x.template === "expiry_overdue");
    expect(overdue.map((x) => x.recipient).sort()).toEqual((await usernamesOf(filed.enterpriseId)).sort());
    // Digests: the institution it is filed with, and every approved regulator and legal institution whose region holds it.
    const watchers = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.status, "approved"),
          sql`(${organisations.kind} = 'regulator' or (${organisations.kind} = 'institution' and ${organisations.institutionKind} = 'legal'))`,
          sql`${organisations.regionCode} in (${filed.provinceCode}, ${filed.cityCode}, ${filed.countyCode})`,
        ),
      );
    const digestOrgs = new Set([filed.institutionId, ...watchers.map((w) => w.id)]);
    expect(r.digests).toBe(digestOrgs.size);
    expect(watchers.length).toBeGreaterThan(0);
    const digests = after.filter((x) => x.template === "overdue_digest");
    expect(digests.length).toBeGreaterThan(0);
    expect(digests[0]!.body).toMatch(/2030-07-02：.*新增超期未检 1 台/);
    // Idempotent: the same day again, or a later day, sends nothing twice.
    for (const now of [china("2030-07-02", "12:00"), china("2030-07-05", "08:00")])
      expect(await sweepExpiry(db, { now })).toMatchObject({ warned: { due30: 0, expired: 0 }, enterprises: 0, digests: 0, messages: 0 });
    expect((await templates()).length).toBe(before + after.length);
    const keys = await db.select().from(expiryWarnings).where(eq(expiryWarnings.instrumentId, filed.id));
    expect(keys.map((k) => `${k.kind}:${k.validUntil}`).sort()).toEqual([`due30:${V}`, `expired:${V}`]);
  });

  it("R-WRN-1 a new validity period (new certificate) is warned again; a missed sweep day catches up once", async () => {
    const V2 = "2031-07-01";
    await db.update(instruments).set({ validUntil: V2 }).where(eq(instruments.id, filed.id));
    // The sweep did not run on the 30th day before V2: the next run (29 days before) gives the warning, once.
    expect(await sweepExpiry(db, { now: china("2031-06-02", "08:00") })).toMatchObject({ warned: { due30: 1 } });
    expect(await sweepExpiry(db, { now: china("2031-06-03", "08:00") })).toMatchObject({ warned: { due30: 0 }, messages: 0 });
  });

  it("R-TIME-1 the worker sweeps once per China day, from the configured hour, whichever process claims the day", async () => {
    expect(await sweepIfDue(db, china("2032-01-01", "07:59"), 8)).toBeNull();
    expect(await sweepIfDue(db, china("2032-01-01", "08:00"), 8)).toMatchObject({ day: "2032-01-01" });
    expect(await sweepIfDue(db, china("2032-01-01", "20:00"), 8)).toBeNull();
    expect(await sweepIfDue(db, china("2032-01-02", "00:30"), 0)).toMatchObject({ day: "2032-01-02" });
    const runs = await db.select({ day: jobRuns.day, finishedAt: jobRuns.finishedAt }).from(jobRuns).where(eq(jobRuns.job, "sweep"));
    expect(runs.map((r) => r.day).sort()).toEqual(["2032-01-01", "2032-01-02"]);
    expect(runs.every((r) => r.finishedAt !== null)).toBe(true);
  });
});
