import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { Database } from "@/server/db/open";
import { DEMO_USERS } from "@/server/seed/demo";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome, seedForeign } from "../helpers/fixtures";
import { policy } from "./table";

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
  fx.foreign = await seedForeign(database.db, fx);
});
afterAll(() => database?.close());

type AnyCaller = Record<string, unknown>;
function procedureAt(caller: AnyCaller, path: string) {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as AnyCaller)[key], caller);
  return fn as (input?: unknown) => Promise<unknown>;
}

const procedures = Object.keys(appRouter._def.procedures).sort();
const accounts = [null, ...DEMO_USERS.map((u) => u.username)];
const roleOf = (username: string) => DEMO_USERS.find((u) => u.username === username)!.role;
/** What an allowed caller may get: an answer or an expected refusal; an internal error is never "allowed". */
const ANSWERS = new Set(["ok", "NOT_FOUND", "BAD_REQUEST", "CONFLICT", "TOO_MANY_REQUESTS"]);

describe("authorization policy matrix (R-SCOPE-1, R-SCOPE-2, R-SCOPE-3, R-SCOPE-4)", () => {
  it("every procedure of the router is in the policy table", () => {
    expect(procedures.filter((p) => !(p in policy))).toEqual([]);
    expect(Object.keys(policy).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  it("R-SCOPE-4 every procedure that is not public declares how scope applies (relations, or list rows)", () => {
    expect(procedures.length).toBeGreaterThan(0);
    const silent = procedures.filter((p) => policy[p]!.access !== "public" && !policy[p]!.relations?.length && !policy[p]!.list?.length);
    expect(silent).toEqual([]);
  });

  for (const path of procedures) {
    const entry = policy[path];
    if (!entry) continue;
    it(`${path}: each role gets the outcome its access allows`, async () => {
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const account of accounts) {
        const caller = (await callerAs(database.db, account)) as unknown as AnyCaller;
        const result = await outcome(() => procedureAt(caller, path)(entry.input?.(fx)));
        const key = account ?? "anonymous";
        const allowed =
          entry.access === "public" ||
          (account !== null && (entry.access === "signedIn" || entry.access.includes(roleOf(account))));
        got[key] = result === "UNAUTHORIZED" || result === "FORBIDDEN" || !ANSWERS.has(result) ? result : "allowed";
        want[key] = allowed ? "allowed" : account === null ? "UNAUTHORIZED" : "FORBIDDEN";
      }
      expect(got).toEqual(want);
    });
    for (const rel of entry.relations ?? []) {
      it(`${rel.note ? `${rel.note}: ` : ""}${path} as ${rel.as} on ${rel.relation} → ${rel.expect}`, async () => {
        const caller = (await callerAs(database.db, rel.as)) as unknown as AnyCaller;
        expect(await outcome(() => procedureAt(caller, path)(rel.input(fx)))).toBe(rel.expect);
      });
    }
  }
});
