import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { migrate, type Database } from "@/server/db/open";
import { sequences } from "@/server/db/schema";
import { rowsOf } from "@/server/db/rows";
import { openEmptyTestDb, openTestDbAt } from "../../../../tests/helpers/db";
import { nextNumber } from "./next-number";

let database: Database;
beforeAll(async () => {
  database = await openEmptyTestDb();
});
afterAll(async () => {
  await database?.close();
});

describe("issue 8 step 5: one numbering service", () => {
  it("numbers each (kind, scope key, period) from 1, consecutively, and blocks of `count` follow on", async () => {
    const { db } = database;
    expect(await nextNumber(db, "instrument_code", "440111", "2026-01-05")).toBe(1);
    expect(await nextNumber(db, "instrument_code", "440111", "2026-01-05")).toBe(2);
    expect(await nextNumber(db, "instrument_code", "440111", "2026-01-05", 3)).toBe(3);
    expect(await nextNumber(db, "instrument_code", "440111", "2026-01-05")).toBe(6);
    expect(await nextNumber(db, "instrument_code", "440106", "2026-01-05")).toBe(1);
    expect(await nextNumber(db, "instrument_code", "440111", "2026-01-06")).toBe(1);
  });

  it("a rolled-back transaction gives its number back", async () => {
    const { db } = database;
    await db
      .transaction(async (tx) => {
        expect(await nextNumber(tx, "instrument_code", "440111", "2026-02-01")).toBe(1);
        throw new Error("rollback");
      })
      .catch(() => {});
    expect(await nextNumber(db, "instrument_code", "440111", "2026-02-01")).toBe(1);
  });

  it("20 parallel transactions get 20 distinct consecutive numbers (row-locked upsert)", async () => {
    const { db } = database;
    const got = await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          const n = await nextNumber(tx, "instrument_code", "440105", "2026-03-01");
          // Hold the transaction open a moment so that the others really overlap with it.
          await tx.execute(sql`select pg_sleep(0.01)`);
          return n;
        }),
      ),
    );
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("R-FIL-4 the migration carries the old instrument-code counters over", async () => {
    const old = await openTestDbAt("0001_jurisdiction-indexes");
    try {
      await old.db.execute(sql`insert into instrument_code_sequences (county_code, day, n) values ('440111', '2026-04-30', 7)`);
      await migrate(old);
      const rows = await old.db.select().from(sequences);
      expect(rows).toEqual([{ kind: "instrument_code", scopeKey: "440111", period: "2026-04-30", n: 7 }]);
      expect(await nextNumber(old.db, "instrument_code", "440111", "2026-04-30")).toBe(8);
      const left = rowsOf<{ t: string | null }>(await old.db.execute(sql`select to_regclass('instrument_code_sequences')::text as t`));
      expect(left[0]!.t).toBeNull();
    } finally {
      await old.close();
    }
  });
});
