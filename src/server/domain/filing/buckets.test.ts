import { and, sql } from "drizzle-orm";
import { PgDialect, date, pgTable, text } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { addDays, chinaToday } from "@/lib/china-day";
import { bucketsOf, bucketWhere, headlineBucket, BUCKETS, type BucketInput } from "./buckets";

const T = "2026-03-01"; // crosses a month end on purpose
const filed = (daysAgo: number): BucketInput => ({ approvedOn: addDays(T, -daysAgo), validUntil: null, failedSince: null });
const valid = (offset: number): BucketInput => ({ approvedOn: "2024-01-01", validUntil: addDays(T, offset), failedSince: null });

describe("buckets (pure)", () => {
  it("R-BKT-1 due: no validity and approved 10 days ago; R-BKT-2 overdue at 11 days", () => {
    expect(bucketsOf(filed(10), T)).toMatchObject({ due: true, overdue: false, invalid: false, valid: false });
    expect(bucketsOf(filed(11), T)).toMatchObject({ due: false, overdue: true, invalid: false, valid: false });
    expect(bucketsOf(filed(0), T).due).toBe(true);
  });
  it("R-BKT-3 invalid: no validity, approved 31 days ago (30 days is overdue only); invalid is also overdue", () => {
    expect(bucketsOf(filed(30), T)).toMatchObject({ overdue: true, invalid: false });
    expect(bucketsOf(filed(31), T)).toMatchObject({ overdue: true, invalid: true });
  });
  it("R-BKT-1 due: validUntil today (inclusive) and 30 days ahead; R-BKT-4 valid at 31 days ahead", () => {
    expect(bucketsOf(valid(0), T)).toMatchObject({ due: true, overdue: false, valid: false });
    expect(bucketsOf(valid(30), T)).toMatchObject({ due: true, valid: false });
    expect(bucketsOf(valid(31), T)).toMatchObject({ due: false, overdue: false, invalid: false, valid: true });
  });
  it("R-BKT-2 overdue the day after validUntil; R-BKT-3 invalid when T − V > 30 (V = T − 31, not T − 30)", () => {
    expect(bucketsOf(valid(-1), T)).toMatchObject({ due: false, overdue: true, invalid: false });
    expect(bucketsOf(valid(-30), T)).toMatchObject({ overdue: true, invalid: false });
    expect(bucketsOf(valid(-31), T)).toMatchObject({ overdue: true, invalid: true });
  });
  it("R-BKT-5 failed stays from the fail notice, independent of the other lists", () => {
    expect(bucketsOf({ ...valid(100), failedSince: "2026-02-01" }, T)).toMatchObject({ failed: true, valid: true });
    expect(bucketsOf(valid(100), T).failed).toBe(false);
  });
  it("R-BKT-4 an instrument never approved and without validity is only in 全部", () => {
    const b = bucketsOf({ approvedOn: null, validUntil: null, failedSince: null }, T);
    expect(b).toEqual({ all: true, due: false, overdue: false, invalid: false, valid: false, failed: false });
    expect(headlineBucket({ approvedOn: null, validUntil: null, failedSince: null }, T)).toBeNull();
    expect(headlineBucket(valid(-31), T)).toBe("invalid");
  });
});

describe("buckets and the China day", () => {
  it("R-TIME-1 R-BKT-2 at 00:30 in Shanghai (16:30 UTC the day before) the China day decides: 11 days → overdue", () => {
    const at = new Date("2026-02-28T16:30:00Z");
    const x: BucketInput = { approvedOn: "2026-02-18", validUntil: null, failedSince: null };
    expect(chinaToday(at, "Asia/Shanghai")).toBe("2026-03-01");
    expect(bucketsOf(x, chinaToday(at, "Asia/Shanghai"))).toMatchObject({ due: false, overdue: true });
    // The UTC calendar day would still say "due": the rule must not use it.
    expect(bucketsOf(x, at.toISOString().slice(0, 10))).toMatchObject({ due: true, overdue: false });
  });
  it("R-TIME-1 R-BKT-1 validUntil is inclusive through the China day", () => {
    const at = new Date("2026-03-01T15:59:00Z"); // 23:59 on 1 March in Shanghai
    expect(bucketsOf({ approvedOn: null, validUntil: "2026-03-01", failedSince: null }, chinaToday(at, "Asia/Shanghai"))).toMatchObject({ due: true, overdue: false });
    const next = new Date("2026-03-01T16:00:00Z"); // 00:00 on 2 March
    expect(bucketsOf({ approvedOn: null, validUntil: "2026-03-01", failedSince: null }, chinaToday(next, "Asia/Shanghai"))).toMatchObject({ due: false, overdue: true });
  });
});

// The SQL twin is checked against the pure function on the same boundary cases, evaluated by a real
// PostgreSQL engine (PGlite) so the two cannot drift.
const probe = pgTable("probe", { key: text("key"), approvedOn: date("approved_on"), validUntil: date("valid_until"), failedSince: date("failed_since") });
const cases: [string, BucketInput][] = [
  ["a10", filed(10)], ["a11", filed(11)], ["a30", filed(30)], ["a31", filed(31)],
  ["v0", valid(0)], ["v30", valid(30)], ["v31", valid(31)], ["vm1", valid(-1)], ["vm30", valid(-30)], ["vm31", valid(-31)],
  ["none", { approvedOn: null, validUntil: null, failedSince: null }], ["failed", { ...valid(200), failedSince: "2026-01-01" }],
];

describe("bucket SQL predicates", () => {
  it("R-BKT-1…5 SQL filters select exactly what bucketsOf says, on the 10/11, 30/31 and V = today boundaries", async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = await PGlite.create();
    try {
      const db = drizzle(client);
      await db.execute(sql`create table probe (key text, approved_on date, valid_until date, failed_since date)`);
      await db.insert(probe).values(cases.map(([key, c]) => ({ key, ...c })));
      const dialect = new PgDialect();
      for (const bucket of BUCKETS) {
        const where = bucketWhere(bucket, T, probe);
        expect(dialect.sqlToQuery(where).sql).not.toContain("now()");
        const rows = await db.select({ key: probe.key }).from(probe).where(and(where, sql`true`));
        const got = rows.map((r) => r.key).sort();
        const want = cases.filter(([, c]) => bucketsOf(c, T)[bucket]).map(([k]) => k).sort();
        expect({ bucket, keys: got }).toEqual({ bucket, keys: want });
      }
    } finally {
      await client.close();
    }
  }, 60_000);
});
