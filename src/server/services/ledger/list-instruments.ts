import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import type { ledgerListInput, LedgerFilter } from "@/lib/schemas/ledger";
import { z } from "zod";
import type { Queryable } from "@/server/db/open";
import { catalogueItems, catalogueKinds, departments, instruments, statLedgerCells } from "@/server/db/schema";
import { bucketRange, warningOf } from "@/server/domain/ledger/warning";
import { decodeCursor, encodeCursor } from "@/server/db/keyset";
import { rowsOf } from "@/server/db/rows";
import { withoutParallelWorkers } from "@/server/db/serial";
import { caseless, gathersMatches, ledgerWhere, type LedgerScope, validSortKey } from "./list-filter";

type ListInput = z.output<typeof ledgerListInput>;

const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** The cursor of each sort: the last row's sort key and id (a tampered one is refused, not run). */
const cursorShape = {
  name: z.tuple([z.string().max(200), rowId]),
  validUntil: z.tuple([z.iso.date(), rowId]),
  newest: z.tuple([rowId]),
};

/**
 * Keyset condition and order for a sort: (sort key, id) strictly after the cursor. `sorted` is the same order
 * written so that no index provides it (`id + 0`): the planner must gather the matching rows first and sort
 * them, instead of walking an index in order and testing each row.
 */
function keyset(sort: ListInput["sort"], cursor: string | null | undefined): { after?: SQL; order: SQL[]; sorted: SQL[] } {
  const id0 = sql`${instruments.id} + 0`;
  if (sort === "name") {
    const c = cursor ? decodeCursor(cursor, cursorShape.name) : null;
    return {
      after: c ? sql`(${instruments.name}, ${instruments.id}) > (${c[0]}, ${c[1]})` : undefined,
      order: [asc(instruments.name), asc(instruments.id)],
      sorted: [asc(sql`${instruments.name} || ''`), asc(id0)],
    };
  }
  if (sort === "validUntil") {
    const c = cursor ? decodeCursor(cursor, cursorShape.validUntil) : null;
    return {
      after: c ? sql`(${validSortKey}, ${instruments.id}) > (${c[0]}::date, ${c[1]})` : undefined,
      order: [asc(validSortKey), asc(instruments.id)],
      sorted: [asc(sql`${validSortKey} + 0`), asc(id0)],
    };
  }
  const c = cursor ? decodeCursor(cursor, cursorShape.newest) : null;
  return { after: c ? lt(instruments.id, c[0]) : undefined, order: [desc(instruments.id)], sorted: [desc(id0)] };
}

/** Rows of the enterprise, in sort order after the cursor, that the window of a GIN-answered filter looks at. */
const WINDOW = 1000;

/**
 * Ids of one page for a tag or text filter (issue 14 item 3), whatever the matches' density: first the ids of
 * the next WINDOW rows of the enterprise in sort order (read from its btree index alone), their rows
 * filtered — enough when matches are common; otherwise the matches gathered through the enterprise-scoped
 * GIN index and sorted — quick when they are rare.
 */
async function gatheredPageIds(db: Queryable, scope: LedgerScope, where: SQL, test: SQL, k: ReturnType<typeof keyset>, n: number) {
  const window = db
    .select({ id: instruments.id })
    .from(instruments)
    .where(and(eq(instruments.enterpriseId, scope.orgId), k.after))
    .orderBy(...k.order)
    .limit(WINDOW);
  const near = rowsOf<{ id: number | string }>(
    await db.execute(
      // `id = any(array(window))`: the window's rows by primary key, whatever the filter. As a join, a filter
      // an index covers (name) let the planner hash-join every row of the enterprise instead (160 ms).
      sql`select ${instruments.id} as id from ${instruments} where ${instruments.id} = any(array(${window}))
          and ${test} order by ${sql.join(k.sorted, sql`, `)} limit ${n}`,
    ),
  );
  if (near.length === n) return near.map((r) => Number(r.id));
  // Serial: the GIN bitmap ANDed with the enterprise's range looks dear enough for parallel workers.
  const all = await withoutParallelWorkers(db, (tx) => tx.select({ id: instruments.id }).from(instruments).where(where).orderBy(...k.sorted).limit(n));
  return all.map((r) => r.id);
}

export const listColumns = {
  id: instruments.id,
  name: instruments.name,
  model: instruments.model,
  serialNo: instruments.serialNo,
  manufacturer: instruments.manufacturer,
  installLocation: instruments.installLocation,
  status: instruments.status,
  filingStatus: instruments.filingStatus,
  flowStatus: instruments.flowStatus,
  instrumentCode: instruments.instrumentCode,
  validUntil: instruments.validUntil,
  tags: instruments.tags,
  kindName: catalogueKinds.name,
  itemName: catalogueItems.name,
  supervision: catalogueKinds.supervision,
  departmentName: departments.name,
};

/** One page of the enterprise's ledger with its colour warnings (R-LED-4, R-LED-6). */
export async function listInstruments(db: Queryable, scope: LedgerScope, input: ListInput) {
  const today = chinaToday();
  const k = keyset(input.sort, input.cursor);
  const where = and(ledgerWhere(scope, input, today), k.after) as SQL;
  // The page's ids first, selecting nothing but the id: the enterprise's btree indexes answer alone
  // (index-only), where `select *` made the planner walk the primary key across every enterprise (35 ms).
  const ids = gathersMatches(input)
    ? await gatheredPageIds(db, scope, where, and(ledgerWhere(scope, input, today, { indexHints: false }), k.after) as SQL, k, input.limit + 1)
    : (await db.select({ id: instruments.id }).from(instruments).where(where).orderBy(...k.order).limit(input.limit + 1)).map((r) => r.id);
  const rows = await db
    .select(listColumns)
    .from(instruments)
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .innerJoin(catalogueItems, eq(catalogueItems.id, catalogueKinds.itemId))
    .leftJoin(departments, eq(departments.id, instruments.departmentId))
    .where(ids.length ? inArray(instruments.id, ids) : sql`false`)
    .orderBy(...k.order)
    .limit(input.limit + 1);
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map((r) => ({ ...r, warning: warningOf(r.validUntil, today) }));
  const last = items[items.length - 1];
  const nextCursor =
    hasMore && last
      ? encodeCursor(input.sort === "name" ? [last.name, last.id] : input.sort === "validUntil" ? [last.validUntil ?? "9999-12-31", last.id] : [last.id])
      : null;
  return { items, nextCursor, today };
}

/**
 * A count that needs the instruments themselves stops at this many rows (issue 14 #3): counting every match of a
 * common filter reads every matching row, past the 20 ms target at 1,000,000 instruments. Below the cap the counts
 * are exact; above it the list says "5,000 台以上" (ledger-table.tsx) and gives no due / overdue counts.
 */
export const COUNT_CAP = 5_000;

/**
 * The cap of a search's counts (and a tag's with other filters): their matches are found by testing rows one by
 * one (~1 µs a row) or through a GIN index whose posting lists span every enterprise, so finding 5,001 of a common
 * term took 21 ms (1M) to 1.26 s (10M); 1,001 take a fifth of the rows.
 */
export const SEARCH_COUNT_CAP = 1_000;

/** How many of the enterprise's newest rows the counts test first, to judge how common a search's matches are (a density of 10% shows as 20 of them). */
export const COUNT_WINDOW = 200;

/**
 * How many rows a probe tests one by one, newest first: ~0.8–1 µs a row for a tag or a caseless LIKE, ~3.5 µs for
 * the three ILIKEs of a search with letters (measured at 10M instruments, warm). `whole`: an enterprise this small
 * is probed whole (exact, ≤ ~10 ms); `probe`: a larger one up to this many rows (≤ ~12 ms) when the window holds
 * matches (a tag with a kind at 8%: 12,500 rows, 10 ms, where the GIN index took 43 ms). Otherwise the GIN index's
 * matches are gathered (quick when they are rare, whatever their number).
 */
export function probeRows(f: LedgerFilter): { whole: number; probe: number } {
  const cased = [f.q, f.name].some((q) => q && !caseless(q));
  return cased ? { whole: 3_000, probe: 3_000 } : { whole: 10_000, probe: 15_000 };
}

/** `cap` and `probeRows` (instead of COUNT_CAP / SEARCH_COUNT_CAP and probeRows()) let tests reach every path on small data. */
export type CountOptions = { cap?: number; probeRows?: number; now?: Date };

export type LedgerCounts = {
  total: number;
  /** null when the total passed the cap: how many of them are due / overdue was not counted. */
  due: number | null;
  overdue: number | null;
  /** Counting stopped: the true number is at least the one given ("以上"), which is the cap or, for a common
   * search, the matches a bounded probe found. */
  capped: boolean;
};

/** Filters the ledger's count cells (stat_ledger_cells, migration 0024) answer exactly. */
const CELL_FILTERS: ReadonlySet<string> = new Set<keyof LedgerFilter>(["status", "bucket", "tag"]);
export const countedByCells = (f: LedgerFilter) => Object.entries(f).every(([k, v]) => !v || CELL_FILTERS.has(k));

/**
 * Counts for the filter: total, and how many are due / overdue (R-LED-4) among them.
 * - No filter, a status, a bucket, a tag (or these together): exact, summed over the enterprise's count cells —
 *   a few thousand rows whatever its size (1,867 for the 100,000-instrument enterprise at 1M).
 * - Otherwise up to `cap` + 1 matching rows are counted in one pass, found by the filter's index; for a search (or
 *   a tag with other filters), by a probe of the enterprise's rows newest first when the enterprise is small or the
 *   matches are common enough to find `cap` + 1 of them soon, since gathering a common term's matches from the GIN
 *   index reads every one of them. Exact when at most `cap` match; otherwise `cap`, capped, and no due / overdue;
 *   a search common in the window whose `cap` + 1 matches the probe did not reach says what it found, capped.
 */
export async function countInstruments(db: Queryable, scope: LedgerScope, f: LedgerFilter, o: CountOptions = {}): Promise<LedgerCounts> {
  const today = chinaToday(o.now);
  if (countedByCells(f)) return cellCounts(db, scope, f, today);
  const gathered = gathersMatches(f);
  const limit = o.cap ?? (gathered ? SEARCH_COUNT_CAP : COUNT_CAP);
  const due = bucketRange("due", today);
  const overdue = bucketRange("overdue", today);
  const v = sql.raw("v");
  const tally = {
    total: sql<number>`count(*)::int`.mapWith(Number),
    due: sql<number>`(count(*) filter (where ${v} between ${due.from}::date and ${due.to}::date))::int`.mapWith(Number),
    overdue: sql<number>`(count(*) filter (where ${v} <= ${overdue.to}::date))::int`.mapWith(Number),
  };
  type Tally = { total: number; due: number; overdue: number };
  const answer = (t: Tally | undefined): LedgerCounts => {
    const n = t ?? { total: 0, due: 0, overdue: 0 };
    return n.total > limit ? { total: limit, due: null, overdue: null, capped: true } : { total: n.total, due: n.due, overdue: n.overdue, capped: false };
  };
  // The filter's own index (with the GIN hints for a search or tag): the first `limit` + 1 matches. Not prepared:
  // its plan depends on the values (a rare or a common term, tag or kind). Serial, as the list's (gatheredPageIds).
  const throughIndex = async () =>
    answer(
      (
        await withoutParallelWorkers(db, (tx) =>
          tx.select(tally).from(sql`(select ${instruments.validUntil} as v from ${instruments} where ${ledgerWhere(scope, f, today)} limit ${limit + 1}) as m`),
        )
      )[0],
    );
  if (!gathered) return throughIndex();

  // The enterprise's newest rows, each tested (without the GIN hints, which would be computed per row). Prepared:
  // the plan is the same whatever the values (the enterprise's (enterprise_id, id) index, newest first).
  const test = ledgerWhere(scope, f, today, { indexHints: false });
  const newest = (rows: number) =>
    sql`select ${instruments.validUntil} as v, (${test}) as hit from ${instruments} where ${instruments.enterpriseId} = ${scope.orgId}
        order by ${instruments.id} desc limit ${rows}`;
  // Stops at the `limit` + 1st match: the outer LIMIT pulls rows from the inner scan only until then.
  const probe = async (rows: number) =>
    (await db.select(tally).from(sql`(select w.v from (${newest(rows)}) as w where w.hit limit ${limit + 1}) as m`).prepare("ledger_counts_probe").execute())[0] ?? {
      total: 0,
      due: 0,
      overdue: 0,
    };
  // The window, with the enterprise's size from its count cells.
  const [window] = await db
    .select({ ...tally, all: sql<number>`(select coalesce(sum(${statLedgerCells.n}), 0)::int from ${statLedgerCells} where ${statLedgerCells.enterpriseId} = ${scope.orgId} and ${statLedgerCells.tag} = '')`.mapWith(Number) })
    .from(sql`(${newest(COUNT_WINDOW)}) as w`)
    .where(sql`w.hit`)
    .prepare("ledger_counts_window")
    .execute();
  const all = window?.all ?? 0;
  if (all <= COUNT_WINDOW) return answer(window);
  const rows = o.probeRows === undefined ? probeRows(f) : { whole: o.probeRows, probe: o.probeRows };
  if (all <= rows.whole) return answer(await probe(rows.whole));
  const budget = rows.probe;
  const hits = window?.total ?? 0;
  // Matches in the window: probe for `limit` + 1 of them within the budget. Found: capped at `limit`. Not found,
  // but common enough (COMMON_HITS in the window, 2%) that the GIN index would gather many matches of a term that
  // is likely common in other enterprises too (4% of the largest enterprise at 10M: 52 ms): what the probe found
  // is a true lower bound, "N 台以上".
  if (hits >= COMMON_HITS || hits * budget >= (limit + 1) * COUNT_WINDOW) {
    const found = await probe(budget);
    if (found.total > limit || all <= budget) return answer(found);
    if (hits >= COMMON_HITS) return { total: found.total, due: null, overdue: null, capped: true };
  }
  return throughIndex();
}

/** Matches in the counts' window (of COUNT_WINDOW rows) from which a term counts as common: 2%. */
export const COMMON_HITS = 4;

/** The counts from the enterprise's cells: tag '' = all its instruments; no validity is 'infinity', in no range. */
async function cellCounts(db: Queryable, scope: LedgerScope, f: LedgerFilter, today: string): Promise<LedgerCounts> {
  const c = statLedgerCells;
  const due = bucketRange("due", today);
  const overdue = bucketRange("overdue", today);
  const range = f.bucket ? bucketRange(f.bucket, today) : {};
  const [r] = await db
    .select({
      total: sql<number>`coalesce(sum(${c.n}), 0)::int`.mapWith(Number),
      due: sql<number>`coalesce(sum(${c.n}) filter (where ${c.validUntil} between ${due.from}::date and ${due.to}::date), 0)::int`.mapWith(Number),
      overdue: sql<number>`coalesce(sum(${c.n}) filter (where ${c.validUntil} <= ${overdue.to}::date), 0)::int`.mapWith(Number),
    })
    .from(c)
    .where(
      and(
        eq(c.enterpriseId, scope.orgId),
        eq(c.tag, f.tag || ""),
        f.status ? eq(c.status, f.status) : undefined,
        range.from ? gte(c.validUntil, range.from) : undefined,
        range.to ? lte(c.validUntil, range.to) : undefined,
      ),
    )
    .prepare("ledger_counts_cells")
    .execute();
  return { total: r?.total ?? 0, due: r?.due ?? 0, overdue: r?.overdue ?? 0, capped: false };
}
