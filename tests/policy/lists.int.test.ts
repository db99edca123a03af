import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { Database } from "@/server/db/open";
import { DEMO_USERS } from "@/server/seed/demo";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, type Foreign, loadFixtures, seedForeign } from "../helpers/fixtures";
import { type ListSpec, type PolicyEntry, policy } from "./table";

/**
 * R-SCOPE-1…3 for lists and counts. Every query of the router is answered for every demo account before and
 * after a complete set of foreign records (another province, other organisations: tests/helpers/fixtures.ts
 * `seedForeign`) is added: a scoped answer must not move. Each list entry of the policy table is then called
 * by its callers, who must get rows (so "nothing leaked" is never proved by an empty list), and by a witness
 * who must see the foreign records through the same call (so only the scope filter keeps them out).
 */
let database: Database;
let fx: Fixtures;
let ff: Foreign;

type AnyCaller = Record<string, unknown>;
function procedureAt(caller: AnyCaller, path: string) {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as AnyCaller)[key], caller);
  return fn as (input?: unknown) => Promise<unknown>;
}
async function call(account: string, path: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; code: string }> {
  const caller = (await callerAs(database.db, account)) as unknown as AnyCaller;
  try {
    return { ok: true, value: await procedureAt(caller, path)(input) };
  } catch (err) {
    return { ok: false, code: (err as { code?: string }).code ?? String(err) };
  }
}

const queries = Object.entries(appRouter._def.procedures)
  .filter(([, p]) => (p as unknown as { _def: { type: string } })._def.type === "query")
  .map(([path]) => path)
  .sort();
/** Every demo account but the administrator (who sees every province), and the personal and pending ones. */
const scoped = [...DEMO_USERS.map((u) => u.username).filter((u) => u !== "admin"), "grlw", "hzcyqy"];
const roleOf = (username: string) => DEMO_USERS.find((u) => u.username === username)?.role;
const allowed = (entry: PolicyEntry, account: string) =>
  entry.access === "public" || entry.access === "signedIn" || entry.access.includes(roleOf(account)!);
const callersOf = (entry: PolicyEntry, spec: ListSpec) => spec.callers ?? DEMO_USERS.map((u) => u.username).filter((u) => allowed(entry, u));
const inputsOf = (entry: PolicyEntry) => [entry.input, ...(entry.list ?? []).map((s) => s.input)].filter((f) => f !== undefined);

/** Answers before the foreign records exist: `${path} ${account} ${input#}` → JSON. */
const before = new Map<string, string>();
const key = (path: string, account: string, i: number) => `${path} ${account} #${i}`;

beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
  for (const path of queries) {
    const entry = policy[path]!;
    const inputs = inputsOf(entry);
    for (const account of scoped) {
      for (const [i, input] of (inputs.length ? inputs : [() => undefined]).entries()) {
        before.set(key(path, account, i), JSON.stringify(await call(account, path, input(fx))));
      }
    }
  }
  ff = await seedForeign(database.db, fx);
  fx.foreign = ff;
}, 120_000);
afterAll(() => database?.close());

describe("R-SCOPE-1 R-SCOPE-2 R-SCOPE-3 lists and counts with foreign records present", () => {
  it("the router has queries, and each one is in the policy table", () => {
    expect(queries.length).toBeGreaterThan(10);
    expect(queries.filter((p) => !policy[p])).toEqual([]);
  });

  for (const path of queries) {
    it(`R-SCOPE-1..3 ${path}: no scoped account's answer (rows or counts) moves when foreign records are added`, async () => {
      const entry = policy[path]!;
      const inputs = inputsOf(entry);
      const moved: string[] = [];
      for (const account of scoped) {
        for (const [i, input] of (inputs.length ? inputs : [() => undefined]).entries()) {
          const now = JSON.stringify(await call(account, path, input(fx)));
          if (now !== before.get(key(path, account, i))) moved.push(`${account} #${i}: ${now.slice(0, 300)}`);
        }
      }
      expect(moved).toEqual([]);
    });
  }

  for (const [path, entry] of Object.entries(policy)) {
    for (const spec of entry.list ?? []) {
      const callers = callersOf(entry, spec);
      it(`R-SCOPE-1..3 ${path} (${spec.view}): ${callers.join(", ")} get rows and no foreign record`, async () => {
        expect(callers.length).toBeGreaterThan(0);
        for (const account of callers) {
          const r = await call(account, path, spec.input(fx));
          expect(r, `${account}`).toMatchObject({ ok: true });
          const value = (r as { value: unknown }).value;
          if (spec.ids) {
            const ids = spec.ids(value);
            expect(ids.length, `${account} gets rows`).toBeGreaterThan(0);
            if (account !== "admin") {
              const foreign = spec.foreign?.(ff) ?? [];
              expect(foreign.length).toBeGreaterThan(0);
              expect(ids.filter((id) => foreign.includes(id)), `${account} sees foreign rows`).toEqual([]);
            }
          } else {
            expect(spec.count!(value), `${account} counts something`).toBeGreaterThan(0);
          }
          if (account !== "admin") expect(JSON.stringify(value), `${account} sees a foreign name`).not.toContain(ff.marker);
        }
      });

      it(`R-SCOPE-1..3 ${path} (${spec.view}): the witness ${spec.witness} sees the foreign records through the same call`, async () => {
        const r = await call(spec.witness, path, spec.input(fx));
        expect(r).toMatchObject({ ok: true });
        const value = (r as { value: unknown }).value;
        if (spec.ids) expect(JSON.stringify(value)).toContain(ff.marker);
        if (spec.ids && spec.foreign) expect(spec.ids(value).filter((id) => spec.foreign!(ff).includes(id)).length).toBeGreaterThan(0);
        if (spec.count) expect(spec.count(value)).toBeGreaterThan(0);
      });
    }
  }
});
