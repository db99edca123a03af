import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { openTestDb } from "../../../tests/helpers/db";
import type { Database } from "./open";
import { catalogueKinds, instruments, organisations, regions, users } from "./schema";
import { seedDemo } from "./seed/demo";
import { seedReference } from "./seed/reference";

let database: Database;
beforeAll(async () => {
  database = await openTestDb();
});
afterAll(async () => {
  await database?.close();
});

describe("database bootstrap", () => {
  it("loads every region of data/admin-divisions", async () => {
    const { db } = database;
    const byLevel = await db.select({ level: regions.level, n: count() }).from(regions).groupBy(regions.level);
    expect(Object.fromEntries(byLevel.map((r) => [r.level, r.n]))).toEqual({ province: 31, city: 342, county: 2978 });
    const [baiyun] = await db.select().from(regions).where(eq(regions.code, "440111"));
    expect(baiyun).toMatchObject({ name: "白云区", level: "county", parentCode: "4401", provinceCode: "44", cityCode: "4401" });
  });

  it("loads the catalogue sample as the current version", async () => {
    const kinds = await database.db.select().from(catalogueKinds);
    expect(kinds.length).toBe(10);
    expect(kinds.find((k) => k.name === "燃油加油机")).toMatchObject({ supervision: "V", purposes: ["trade"], periodMonths: 6 });
  });

  it("creates the demo organisations and accounts once", async () => {
    const { db } = database;
    const [{ n }] = (await db.select({ n: count() }).from(organisations)) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(9);
    expect(await seedDemo(db)).toBe(false);
    await seedReference(db);
    const [{ again }] = (await db.select({ again: count() }).from(organisations)) as [{ again: number }];
    expect(again).toBe(n);
    const names = (await db.select({ name: organisations.name }).from(organisations)).map((o) => o.name);
    expect(names).toHaveLength(n);
    expect(names.every((name) => name.includes("示例"))).toBe(true);
    const [admin] = await db.select().from(users).where(eq(users.username, "admin"));
    expect(admin?.passwordHash.startsWith("$argon2id$")).toBe(true);
  });

  it("R-FIL-4 every demo instrument code is its county + approval day + a 4-digit sequence, and unique", async () => {
    const rows = await database.db
      .select({ code: instruments.instrumentCode, county: instruments.countyCode, day: instruments.filingApprovedOn })
      .from(instruments);
    const coded = rows.filter((r) => r.code !== null);
    expect(coded.length).toBeGreaterThan(10);
    for (const r of coded) expect(r.code).toBe(`${r.county}${r.day!.replace(/-/g, "")}${r.code!.slice(14)}`);
    expect(new Set(coded.map((r) => r.code)).size).toBe(coded.length);
  });
});
