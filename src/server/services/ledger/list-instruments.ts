import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import type { ledgerListInput, LedgerFilter } from "@/lib/schemas/ledger";
import { z } from "zod";
import type { Queryable } from "@/server/db/open";
import { catalogueItems, catalogueKinds, departments, instruments } from "@/server/db/schema";
import { bucketRange, warningOf } from "@/server/domain/ledger/warning";
import { decodeCursor, encodeCursor } from "@/server/db/keyset";
import { rowsOf } from "@/server/db/rows";
import { gathersMatches, ledgerWhere, type LedgerScope, validSortKey } from "./list-filter";

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
  const all = await db
    .select({ id: instruments.id })
    .from(instruments)
    .where(where)
    .orderBy(...k.sorted)
    .limit(n);
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
 * A filtered count stops at this many rows (issue 14 #3): counting every match of a common filter reads every
 * matching row (13–22 ms for a tag on 10,000 of the enterprise's rows, more for a status most rows have), past
 * the 20 ms target at 100,000 instruments. Below the cap the counts are exact; above it the list says
 * "5,000 台以上" (ledger-table.tsx).
 */
export const COUNT_CAP = 5_000;

export type LedgerCounts = {
  total: number;
  due: number;
  overdue: number;
  /** Which counts reached the cap: the true number is larger than the one given. */
  more: { total: boolean; due: boolean; overdue: boolean };
};

/**
 * Counts for the filter: total, and how many are due / overdue (R-LED-4) among them. With no filter they are
 * exact, each a range of the enterprise's (enterprise_id, valid_until, id) index read without the table. With a
 * filter, one pass over at most `cap` + 1 matching rows counts all three; when the matches pass the cap, the
 * due and overdue counts are taken apart (each capped, each narrowed by its validity range).
 */
export async function countInstruments(db: Queryable, scope: LedgerScope, f: LedgerFilter, cap = COUNT_CAP): Promise<LedgerCounts> {
  const today = chinaToday();
  const due = bucketRange("due", today);
  const overdue = bucketRange("overdue", today);
  const dueCond = and(gte(instruments.validUntil, due.from!), lte(instruments.validUntil, due.to!));
  const overdueCond = lte(instruments.validUntil, overdue.to!);
  const where = ledgerWhere(scope, f, today);
  const filtered = Object.values(f).some(Boolean);
  const exact = (n = 0) => ({ n, more: false });
  const capped = (n = 0) => ({ n: Math.min(n, cap), more: n > cap });
  const result = (t: { n: number; more: boolean }, d: { n: number; more: boolean }, o: { n: number; more: boolean }): LedgerCounts => ({
    total: t.n,
    due: d.n,
    overdue: o.n,
    more: { total: t.more, due: d.more, overdue: o.more },
  });
  const count = (cond: SQL | undefined) => sql`(select count(*)::int from ${instruments} where ${and(where, cond)})`;
  if (!filtered) {
    const [r] = await db
      .select({ total: count(undefined).mapWith(Number), due: count(dueCond).mapWith(Number), overdue: count(overdueCond).mapWith(Number) })
      .from(sql`(select) as one_row`)
      .prepare("ledger_counts_all")
      .execute();
    return result(exact(r?.total), exact(r?.due), exact(r?.overdue));
  }
  const firstRows = db.select({ validUntil: instruments.validUntil }).from(instruments).where(where).limit(cap + 1).as("first_rows");
  const [r] = await db
    .select({
      total: sql<number>`count(*)::int`.mapWith(Number),
      due: sql<number>`(count(*) filter (where ${firstRows.validUntil} between ${due.from} and ${due.to}))::int`.mapWith(Number),
      overdue: sql<number>`(count(*) filter (where ${firstRows.validUntil} <= ${overdue.to}))::int`.mapWith(Number),
    })
    .from(firstRows)
    .prepare("ledger_counts_first")
    .execute();
  if ((r?.total ?? 0) <= cap) return result(exact(r?.total), exact(r?.due), exact(r?.overdue));
  const upTo = (cond: SQL) => sql`(select count(*)::int from (${db.select({ one: sql`1` }).from(instruments).where(and(where, cond)).limit(cap + 1)}) as counted)`;
  const [b] = await db
    .select({ due: upTo(dueCond!).mapWith(Number), overdue: upTo(overdueCond).mapWith(Number) })
    .from(sql`(select) as one_row`)
    .prepare("ledger_counts_buckets")
    .execute();
  return result(capped(r?.total), capped(b?.due), capped(b?.overdue));
}
