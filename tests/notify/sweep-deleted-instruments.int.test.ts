import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/china-day";
import type { Database, DB } from "@/server/db/open";
import { expiryWarnings, instruments, users } from "@/server/db/schema";
import { sweepExpiry } from "@/server/jobs/sweep";
import { deleteReturnedInstrument } from "@/server/services/filing/delete-returned";
import { deleteInstruments } from "@/server/services/ledger/change-status";
import { openTestDb } from "../helpers/db";

// expiry_warnings has no foreign key to instruments (migration 0023, issue 14: the sweep's cost at 10M), so
// nothing in the database stops a deleted instrument from leaving its warnings behind: every path that deletes
// instruments must delete them (src/server/services/ledger/delete-rows.ts). Without the foreign key and without
// that delete, these tests find orphans; with the old foreign key, the deletes failed outright.
let database: Database;
let db: DB;
const T = "2041-05-01";
const at = (day: string) => new Date(`${day}T08:00:00+08:00`);
let enterpriseId: number;
let userId: number;
let [neverFiled, returned, kept] = [0, 0, 0];

const orphans = async () =>
  (await db.execute(sql`select w.instrument_id from ${expiryWarnings} w where not exists (select 1 from ${instruments} i where i.id = w.instrument_id)`)) as unknown;
const countOrphans = async () => {
  const r = await orphans();
  return (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows).length;
};
const warningsOf = async (ids: number[]) => db.select({ id: expiryWarnings.id }).from(expiryWarnings).where(inArray(expiryWarnings.instrumentId, ids));

beforeAll(async () => {
  database = await openTestDb();
  db = database.db;
  await db.update(instruments).set({ validUntil: "2099-01-01" }).where(sql`${instruments.validUntil} between ${addDays(T, -60)}::date and ${addDays(T, 60)}::date`);
  const [u] = await db
    .select({ id: users.id, orgId: users.orgId })
    .from(users)
    .where(sql`${users.active} and ${users.orgId} in (select enterprise_id from ${instruments} where status not in ('stopped', 'scrapped') and flow_status is null group by enterprise_id having count(*) >= 3)`)
    .limit(1);
  enterpriseId = u!.orgId!;
  userId = u!.id;
  const ids = (
    await db
      .select({ id: instruments.id })
      .from(instruments)
      .where(and(eq(instruments.enterpriseId, enterpriseId), sql`${instruments.status} not in ('stopped', 'scrapped') and ${instruments.flowStatus} is null`))
      .orderBy(instruments.id)
      .limit(3)
  ).map((r) => r.id);
  [neverFiled, returned, kept] = ids as [number, number, number];
  await db.update(instruments).set({ filingStatus: "none", instrumentCode: null }).where(eq(instruments.id, neverFiled));
  await db.update(instruments).set({ filingStatus: "returned" }).where(eq(instruments.id, returned));
  await db.update(instruments).set({ validUntil: addDays(T, 10) }).where(inArray(instruments.id, ids));
});
afterAll(async () => {
  await database?.close();
});

describe("R-WRN-1 warnings of deleted instruments (no foreign key since migration 0023)", () => {
  it("R-LED-2 / R-FIL-6 deleting a warned instrument (never filed, or returned) deletes its warnings in the same transaction: no orphan warning remains", async () => {
    const r = await sweepExpiry(db, { now: at(T) });
    expect(r.warned.due30).toBe(3);
    expect(await warningsOf([neverFiled, returned, kept])).toHaveLength(3);
    const actor = { userId, orgId: enterpriseId, ip: null };
    await deleteInstruments(db, actor, [neverFiled]);
    await deleteReturnedInstrument(db, actor, returned);
    expect(await warningsOf([neverFiled, returned])).toEqual([]);
    expect(await warningsOf([kept])).toHaveLength(1);
    expect(await countOrphans()).toBe(0);
  });
});
