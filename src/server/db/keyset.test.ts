import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor, page } from "./keyset";
import { escapeLike } from "./like";
import { rowsOf } from "./rows";

describe("shared list helpers (issue 8 step 9)", () => {
  it("page() keeps `limit` rows and points the cursor at the last one only when there is more", () => {
    const rows = [{ id: 9 }, { id: 7 }, { id: 4 }];
    expect(page(rows, 2)).toEqual({ items: [{ id: 9 }, { id: 7 }], nextCursor: 7 });
    expect(page(rows, 3)).toEqual({ items: rows, nextCursor: null });
  });

  it("issue 9 item 8: a cursor round-trips, a tampered one is 分页参数无效", () => {
    const shape = z.tuple([z.string(), z.number().int()]);
    expect(decodeCursor(encodeCursor(["甲", 3]), shape)).toEqual(["甲", 3]);
    for (const bad of [encodeCursor(["x", "abc"]), encodeCursor([1]), "!!", Buffer.from("{").toString("base64url")]) {
      expect(() => decodeCursor(bad, shape)).toThrow("分页参数无效");
    }
  });

  it("escapeLike makes % _ and \\ match themselves", () => {
    expect(escapeLike("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });

  it("rowsOf reads both engines' raw results", () => {
    expect(rowsOf<{ a: number }>([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(rowsOf<{ a: number }>({ rows: [{ a: 2 }] })).toEqual([{ a: 2 }]);
  });
});
