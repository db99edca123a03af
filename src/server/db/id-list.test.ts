import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { organisations } from "./schema";
import { idIn } from "./id-list";

describe("idIn", () => {
  it("sends a list of ids as one array parameter", () => {
    const q = new PgDialect().sqlToQuery(idIn(organisations.id, [3, 1, 2]));
    expect(q.sql).toBe('"organisations"."id" = any($1::bigint[])');
    expect(q.params).toEqual(["{3,1,2}"]);
  });
  it("refuses anything but whole numbers (nothing else can reach the array literal)", () => {
    for (const bad of [1.5, Number.NaN, Number("1,2"), 2 ** 60]) expect(() => idIn(organisations.id, [1, bad])).toThrow();
  });
});
