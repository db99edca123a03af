import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { openEmptyTestDb, openTestDb } from "../../../tests/helpers/db";
import { config } from "@/server/config";
import type { Database } from "@/server/db/open";
import { catalogueKinds, instruments, organisations, regions, users } from "@/server/db/schema";
import { seedDemo } from "./demo";
import { prepareData, wantsDemo } from "./prepare";
import { seedReference } from "./reference";

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

describe("issue 9 item 3: demo data only where wanted", () => {
  const saved = process.env.SEED_DEMO;
  afterAll(() => {
    if (saved === undefined) delete process.env.SEED_DEMO;
    else process.env.SEED_DEMO = saved;
  });

  /** What start-up does (src/instrumentation.ts) on a fresh database with the given SEED_DEMO. */
  async function startOnEmpty(seedDemoEnv: string | undefined) {
    if (seedDemoEnv === undefined) delete process.env.SEED_DEMO;
    else process.env.SEED_DEMO = seedDemoEnv;
    const empty = await openEmptyTestDb();
    try {
      const [{ before }] = (await empty.db.select({ before: count() }).from(users)) as [{ before: number }];
      expect(before).toBe(0);
      await prepareData(empty, { demo: wantsDemo(empty.kind, config.seedDemo) });
      const [{ regionsLoaded }] = (await empty.db.select({ regionsLoaded: count() }).from(regions)) as [{ regionsLoaded: number }];
      expect(regionsLoaded).toBeGreaterThan(3000);
      const admins = await empty.db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
      return { kind: empty.kind, demoAdmin: admins.length > 0 };
    } finally {
      await empty.close();
    }
  }

  it("R-SEC-3 the rule: SEED_DEMO=1/0 decide; unset, only the embedded database gets demo data", () => {
    expect(wantsDemo("postgres", undefined)).toBe(false);
    expect(wantsDemo("pglite", undefined)).toBe(true);
    expect(wantsDemo("postgres", true)).toBe(true);
    expect(wantsDemo("pglite", false)).toBe(false);
  });

  it("R-SEC-3 an empty database without SEED_DEMO gets no admin / Demo@2026 on PostgreSQL (demo accounts on PGlite)", async () => {
    const r = await startOnEmpty(undefined);
    expect(r.demoAdmin).toBe(r.kind === "pglite");
  });

  it("R-SEC-3 SEED_DEMO=1 seeds the demo accounts on either engine; SEED_DEMO=0 never does", async () => {
    expect((await startOnEmpty("1")).demoAdmin).toBe(true);
    expect((await startOnEmpty("0")).demoAdmin).toBe(false);
  });
});
