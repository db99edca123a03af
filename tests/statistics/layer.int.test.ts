import { and, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/china-day";
import { locatedRecordScope, organisationScope, regionFilterOf, type Scope } from "@/server/authz/scope";
import type { Database } from "@/server/db/open";
import { catalogueKinds, instruments, organisations, results, statEnterpriseFiling, statEnterpriseTotals, statInstitutionEnterprises, statInstitutionCells, statInstitutionRegionCells, statInstitutionTotals, statInstrumentCells, statLedgerCells } from "@/server/db/schema";
import { BUCKETS, bucketWhere } from "@/server/domain/filing/buckets";
import { jurisdictionCounts } from "@/server/services/jurisdiction/instruments";
import { homeFigures } from "@/server/services/jurisdiction/home-figures";
import { listEnterprises } from "@/server/services/jurisdiction/enterprises";
import type { StatFilter } from "@/lib/schemas/statistics";
import type { LedgerFilter } from "@/lib/schemas/ledger";
import { FIGURES } from "@/server/services/statistics/cells";
import { dashboard, dashboardBreakdown, periodStart } from "@/server/services/statistics/dashboard";
import { forecast } from "@/server/services/statistics/forecast";
import { countInstruments } from "@/server/services/ledger/list-instruments";
import { bucketRange } from "@/server/domain/ledger/warning";
import { rowsOf } from "@/server/db/rows";
import { openTestDb } from "../helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome } from "../helpers/fixtures";

/**
 * Issue 12 item 1 (R-STAT-1): every figure of the statistics layer equals a direct count of the same
 * instruments on the same China day — after ledger entry, import, bulk inserts, updates, deletes, filing
 * approval and results, and after midnight in Asia/Shanghai (the process runs in UTC).
 */
let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

const db = () => database.db;
const cols = { approvedOn: instruments.filingApprovedOn, validUntil: instruments.validUntil, failedSince: instruments.failedSince };
const BEFORE_MIDNIGHT = new Date("2026-12-01T15:59:30Z"); // 23:59:30 on 1 December in China
const AFTER_MIDNIGHT = new Date("2026-12-01T16:00:30Z"); // 00:00:30 on 2 December in China

const scopes = (): Record<string, Scope> => ({
  province: { kind: "regulator", orgId: fx.org.gdRegulator!, region: regionFilterOf("44") },
  city: { kind: "regulator", orgId: fx.org.gzRegulator!, region: regionFilterOf("4401") },
  county: { kind: "regulator", orgId: fx.org.byRegulator!, region: regionFilterOf("440111") },
  cityInstitute: { kind: "legalInstitution", orgId: fx.org.gzInstitute!, region: regionFilterOf("4401") },
  countyInstitute: { kind: "legalInstitution", orgId: fx.org.byInstitute!, region: regionFilterOf("440111") },
  authorised: { kind: "authorisedInstitution", orgId: fx.org.authorisedInstitute! },
});

/** The direct count the layer must equal: a scan of the instruments with the buckets' own WHERE clauses. */
async function direct(where: SQL | undefined, today: string, groupBy?: SQL) {
  const g = groupBy ?? sql`1`;
  const rows = await db()
    .select({
      key: sql<string>`${g}::text`,
      ...Object.fromEntries(BUCKETS.map((b) => [b, sql<number>`count(*) filter (where ${bucketWhere(b, today, cols)})::int`])),
      filed: sql<number>`count(*) filter (where ${instruments.filingStatus} = 'filed')::int`,
    })
    .from(instruments)
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .where(where)
    .groupBy(g);
  return new Map(rows.map((r) => [r.key, r as unknown as Record<string, number>]));
}

const pick = (r: Record<string, number> | undefined) => ({
  all: r?.all ?? 0, filed: r?.filed ?? 0, due: r?.due ?? 0, overdue: r?.overdue ?? 0, invalid: r?.invalid ?? 0, valid: r?.valid ?? 0, failed: r?.failed ?? 0,
});

async function directVerified(where: SQL | undefined, from: string, groupBy?: SQL) {
  const g = groupBy ?? sql`1`;
  const rows = await db()
    .select({ key: sql<string>`${g}::text`, verified: sql<number>`count(*)::int`, passed: sql<number>`count(*) filter (where ${results.verdict} = 'pass')::int` })
    .from(results)
    .innerJoin(instruments, eq(instruments.id, results.instrumentId))
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .where(and(where, gte(results.verifiedOn, from)))
    .groupBy(g);
  return new Map(rows.map((r) => [r.key, r]));
}

/** Every figure the layer serves, against the direct count, for every scope; returns the province cards. */
async function expectLayerEqualsDirect(now: Date) {
  const today = chinaToday(now);
  await expectEnterpriseTotalsEqualDirect();
  await expectUndatedTablesEqualDirect();
  await expectLedgerCellsEqualDirect(now);
  await expectInstitutionCellsEqualDirect();
  for (const [name, scope] of Object.entries(scopes())) {
    const layer = await jurisdictionCounts(db(), scope, undefined, now);
    const want = pick((await direct(locatedRecordScope(scope, instruments), today)).get("1"));
    expect({ name, ...layer.counts }, `辖区 counts of ${name} on ${today}`).toEqual({ name, ...want, filed: undefined });
    // The same inside a region filter: the caller's own region, a county of it, another city and county, the province.
    for (const region of ["4401", "440111", "440106", "4403", "440303", "44"]) {
      const inRegion = await jurisdictionCounts(db(), scope, { regionCode: region }, now);
      const wantIn = pick((await direct(and(locatedRecordScope(scope, instruments), locatedRecordScope({ kind: "regulator", orgId: 0, region: regionFilterOf(region) }, instruments)), today)).get("1"));
      expect({ name, region, ...inRegion.counts }, `辖区 counts of ${name} in ${region} on ${today}`).toEqual({ name, region, ...wantIn, filed: undefined });
    }
    const home = await homeFigures(db(), scope);
    expect(home[0]!.value, `home figure of ${name}`).toBe((await direct(locatedRecordScope(scope, instruments), chinaToday())).get("1")?.all ?? 0);
    if (scope.kind === "legalInstitution" || scope.kind === "authorisedInstitution") await expectInstitutionViewsEqualDirect(name, scope, home);
  }
  const province = scopes().province as Extract<Scope, { kind: "regulator" }>;
  const from = periodStart("year", today);
  const item = (await db().select({ id: catalogueKinds.itemId }).from(catalogueKinds).where(eq(catalogueKinds.id, fx.kind["燃油加油机"]!)))[0]!.id;
  const views = [
    { region: "44", child: instruments.cityCode, filter: {} },
    { region: "4401", child: instruments.countyCode, filter: {} },
    { region: "440111", child: instruments.enterpriseId, filter: {} },
    { region: "44", child: instruments.cityCode, filter: { purpose: "trade" as const, item } },
    { region: "4401", child: instruments.countyCode, filter: { institution: fx.org.gzInstitute! } },
    { region: "440111", child: instruments.enterpriseId, filter: { purpose: "medical" as const } },
  ];
  let cards: Record<string, number> = {};
  for (const v of views) {
    const got = await allPages(province, { region: v.region, period: "year", ...v.filter }, now);
    const f = v.filter as { purpose?: "trade" | "medical"; item?: number; institution?: number };
    const where = and(
      locatedRecordScope({ kind: "regulator", orgId: 0, region: regionFilterOf(v.region) }, instruments),
      f.purpose ? eq(instruments.purpose, f.purpose) : undefined,
      f.item ? eq(catalogueKinds.itemId, f.item) : undefined,
      f.institution ? eq(instruments.institutionId, f.institution) : undefined,
    );
    const byChild = await direct(where, today, sql`${v.child}`);
    for (const row of got.rows) expect({ view: v, row: row.key, ...row.figures }).toEqual({ view: v, row: row.key, ...pick(byChild.get(String(row.region ?? row.enterprise))) });
    // Every instrument of the region is in one listed child.
    expect(got.rows.reduce((s, r) => s + r.figures.all, 0)).toBe([...byChild.values()].reduce((s, r) => s + r.all!, 0));
    const verified = (await directVerified(where, from)).get("1");
    expect({ view: v, verified: got.cards.verified, passed: got.cards.passed }).toEqual({ view: v, verified: verified?.verified ?? 0, passed: verified?.passed ?? 0 });
    if (v.child === instruments.enterpriseId) {
      // The county's enterprises, page by page (one per page here): each exactly once, most instruments first.
      expect(got.rows.map((r) => r.enterprise)).toEqual([...byChild.entries()].sort(([a, x], [b, y]) => y.all! - x.all! || Number(a) - Number(b)).map(([k]) => Number(k)));
      expect(got.enterpriseCount).toBe(byChild.size);
      for (const f of FIGURES) expect([v, f, got.cards[f]]).toEqual([v, f, got.rows.reduce((s, r) => s + r.figures[f], 0)]);
    } else {
      const vByChild = await directVerified(where, from, sql`${v.child}`);
      for (const row of got.rows) expect([row.key, row.verified, row.passed]).toEqual([row.key, vByChild.get(row.region!)?.verified ?? 0, vByChild.get(row.region!)?.passed ?? 0]);
    }
    if (v.region === "44" && !f.purpose) cards = got.cards;
  }
  const breakdown = await dashboardBreakdown(db(), province, { region: "4401", period: "year" }, now);
  const byPurpose = await direct(locatedRecordScope(scopes().city!, instruments), today, sql`${instruments.purpose}`);
  for (const p of breakdown.byPurpose) expect([p.purpose, p.all, p.overdue, p.failed]).toEqual([p.purpose, byPurpose.get(p.purpose)!.all, byPurpose.get(p.purpose)!.overdue, byPurpose.get(p.purpose)!.failed]);
  const byItem = await direct(locatedRecordScope(scopes().city!, instruments), today, sql`${catalogueKinds.itemId}`);
  for (const p of breakdown.byItem) expect([p.item, p.all, p.overdue]).toEqual([p.item, byItem.get(String(p.item))!.all, byItem.get(String(p.item))!.overdue]);
  return cards;
}

/** Every page of a dashboard view (one enterprise per page, so that the keyset pager is walked). */
async function allPages(scope: Extract<Scope, { kind: "regulator" }>, input: StatFilter, now: Date) {
  const first = await dashboard(db(), scope, { ...input, limit: 1 }, now);
  const rows = [...first.rows];
  for (let cursor = first.nextCursor; cursor; ) {
    const next = await dashboard(db(), scope, { ...input, limit: 1, cursor }, now);
    expect(next.cards).toEqual(first.cards);
    rows.push(...next.rows);
    cursor = next.nextCursor;
  }
  return { ...first, rows };
}

/** The per-enterprise totals the county pages are picked from equal a direct count per county × enterprise. */
async function expectEnterpriseTotalsEqualDirect() {
  const cells = await db().select({ county: statEnterpriseTotals.countyCode, enterprise: statEnterpriseTotals.enterpriseId, n: statEnterpriseTotals.n }).from(statEnterpriseTotals).orderBy(statEnterpriseTotals.countyCode, statEnterpriseTotals.enterpriseId);
  const want = await db()
    .select({ county: instruments.countyCode, enterprise: instruments.enterpriseId, n: sql<number>`count(*)::int` })
    .from(instruments)
    .groupBy(instruments.countyCode, instruments.enterpriseId)
    .orderBy(instruments.countyCode, instruments.enterpriseId);
  expect(cells).toEqual(want);
}

/**
 * Issue 14 #3: the undated tables behind 申报企业 and the institution home figures equal direct counts, and so do
 * what an institution reads from them — 辖区企业 (approved enterprises in organisationScope, whose "filed with"
 * probes instruments) and every 申报企业 row's all / filed / in-flow counts in its scope.
 */
async function expectUndatedTablesEqualDirect() {
  const inst = sql<number>`coalesce(${instruments.institutionId}, 0)::bigint`;
  const f = statEnterpriseFiling;
  expect(await db().select({ e: f.enterpriseId, county: f.countyCode, i: f.institutionId, s: f.filingStatus, n: f.n }).from(f).orderBy(f.enterpriseId, f.countyCode, f.institutionId, f.filingStatus)).toEqual(
    await db()
      .select({ e: instruments.enterpriseId, county: instruments.countyCode, i: sql<number>`${inst}`.mapWith(Number), s: instruments.filingStatus, n: sql<number>`count(*)::int` })
      .from(instruments)
      .groupBy(instruments.enterpriseId, instruments.countyCode, inst, instruments.filingStatus)
      .orderBy(instruments.enterpriseId, instruments.countyCode, inst, instruments.filingStatus),
  );
  const t = statInstitutionTotals;
  expect(await db().select({ county: t.countyCode, i: t.institutionId, n: t.n }).from(t).orderBy(t.countyCode, t.institutionId)).toEqual(
    await db().select({ county: instruments.countyCode, i: sql<number>`${inst}`.mapWith(Number), n: sql<number>`count(*)::int` }).from(instruments).groupBy(instruments.countyCode, inst).orderBy(instruments.countyCode, inst),
  );
  const p = statInstitutionEnterprises;
  expect(await db().select({ i: p.institutionId, e: p.enterpriseId, n: p.n }).from(p).orderBy(p.institutionId, p.enterpriseId)).toEqual(
    await db()
      .select({ i: sql<number>`${instruments.institutionId}`.mapWith(Number), e: instruments.enterpriseId, n: sql<number>`count(*)::int` })
      .from(instruments)
      .where(sql`${instruments.institutionId} is not null`)
      .groupBy(instruments.institutionId, instruments.enterpriseId)
      .orderBy(instruments.institutionId, instruments.enterpriseId),
  );
}

/**
 * Issue 14 #3: the ledger's count cells equal a direct count per enterprise × tag ('' = every instrument) × status
 * × validity day, and the ledger's counts read from them (no filter, each status, each bucket, each tag) equal a
 * direct count of the enterprise's instruments on the China day of `now`.
 */
async function expectLedgerCellsEqualDirect(now: Date) {
  const c = statLedgerCells;
  const cells = await db().select({ e: c.enterpriseId, tag: c.tag, status: c.status, day: c.validUntil, n: c.n }).from(c).orderBy(c.enterpriseId, c.tag, c.status, c.validUntil);
  const want = rowsOf<{ e: number; tag: string; status: string; day: string; n: number }>(
    await db().execute(sql`
      select enterprise_id::int as e, tag, status::text as status, coalesce(valid_until, 'infinity'::date)::text as day, count(*)::int as n
      from (select i.*, '' as tag from instruments i
            union all select i.*, t.tag from instruments i cross join lateral (select distinct u as tag from unnest(i.tags) u where u <> '') t) x
      group by 1, 2, 3, 4`),
  ).map((r) => ({ ...r, e: Number(r.e), n: Number(r.n) }));
  const key = (r: { e: number; tag: string; status: string; day: string }) => JSON.stringify([r.e, r.tag, r.status, r.day]);
  const sorted = <T extends { e: number; tag: string; status: string; day: string }>(rs: T[]) => rs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  expect(want.some((r) => r.tag !== "")).toBe(true);
  expect(sorted(cells.map((r) => ({ ...r, day: String(r.day) })))).toEqual(sorted(want));
  const today = chinaToday(now);
  const dueR = bucketRange("due", today);
  const overdueR = bucketRange("overdue", today);
  for (const e of [fx.org.stationEnterprise!, fx.org.hospitalEnterprise!]) {
    const tags = rowsOf<{ t: string }>(await db().execute(sql`select distinct unnest(tags) as t from instruments where enterprise_id = ${e}`)).map((r) => r.t);
    const filters: LedgerFilter[] = [{}, { status: "in_use" as const }, { status: "stopped" as const }, { bucket: "due" as const }, { bucket: "overdue" as const }, ...tags.map((tag) => ({ tag })), ...tags.map((tag) => ({ tag, status: "in_use" as const, bucket: "due" as const }))];
    for (const f of filters) {
      const where = and(
        eq(instruments.enterpriseId, e),
        f.status ? eq(instruments.status, f.status) : undefined,
        f.tag ? sql`${instruments.tags} @> array[${f.tag}]::text[]` : undefined,
        f.bucket === "due" ? sql`${instruments.validUntil} between ${dueR.from}::date and ${dueR.to}::date` : undefined,
        f.bucket === "overdue" ? sql`${instruments.validUntil} <= ${overdueR.to}::date` : undefined,
      );
      const [d] = await db()
        .select({
          total: sql<number>`count(*)::int`,
          due: sql<number>`(count(*) filter (where ${instruments.validUntil} between ${dueR.from}::date and ${dueR.to}::date))::int`,
          overdue: sql<number>`(count(*) filter (where ${instruments.validUntil} <= ${overdueR.to}::date))::int`,
        })
        .from(instruments)
        .where(where);
      expect({ e, f, today, ...(await countInstruments(db(), { kind: "enterprise", orgId: e }, f, { now })) }).toEqual({ e, f, today, ...d, capped: false });
    }
  }
}

/**
 * 0025: the dated cells of what is with each institution, in all and per county, equal its instruments cell by cell —
 * each instrument in its day cell (none when untracked) and its month cell; no instrument, no row.
 */
async function expectInstitutionCellsEqualDirect() {
  const rows = await db()
    .select({
      i: instruments.institutionId, province: instruments.provinceCode, city: instruments.cityCode, county: instruments.countyCode,
      filed: sql<boolean>`${instruments.filingStatus} = 'filed'`, failed: sql<boolean>`${instruments.failedSince} is not null`,
      v: instruments.validUntil, a: instruments.filingApprovedOn,
    })
    .from(instruments)
    .where(sql`${instruments.institutionId} is not null`);
  const want = { all: new Map<string, number>(), region: new Map<string, number>() };
  const add = (m: Map<string, number>, k: unknown[]) => m.set(k.join("|"), (m.get(k.join("|")) ?? 0) + 1);
  for (const r of rows) {
    const kind = r.v ? "v" : r.a ? "a" : "u";
    const day = String(r.v ?? r.a ?? "2000-01-01");
    for (const [fine, d] of kind === "u" ? [[false, "2000-01-01"]] : [[true, day], [false, `${day.slice(0, 7)}-01`]]) {
      add(want.all, [r.i, r.filed, r.failed, kind, fine, d]);
      add(want.region, [r.i, r.province, r.city, r.county, r.filed, r.failed, kind, fine, d]);
    }
  }
  const all = (await db().select().from(statInstitutionCells)).map((r) => [[r.institutionId, r.filed, r.failed, r.dayKind, r.fine, r.day].join("|"), r.n] as const);
  const region = (await db().select().from(statInstitutionRegionCells)).map((r) => [[r.institutionId, r.provinceCode, r.cityCode, r.countyCode, r.filed, r.failed, r.dayKind, r.fine, r.day].join("|"), r.n] as const);
  const sorted = (m: Map<string, number>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  expect(sorted(new Map(all))).toEqual(sorted(want.all));
  expect(sorted(new Map(region))).toEqual(sorted(want.region));
}

async function expectInstitutionViewsEqualDirect(name: string, scope: Scope, home: { label: string; value: number }[]) {
  const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(organisations).where(and(eq(organisations.kind, "enterprise"), eq(organisations.status, "approved"), organisationScope(scope, organisations))) as [{ n: number }];
  expect({ name, enterprises: home.find((x) => x.label === "辖区企业")?.value }).toEqual({ name, enterprises: n });
  const want = new Map(
    (
      await db()
        .select({
          e: instruments.enterpriseId,
          instruments: sql<number>`count(*)::int`,
          filed: sql<number>`(count(*) filter (where ${instruments.filingStatus} = 'filed'))::int`,
          pending: sql<number>`(count(*) filter (where ${instruments.filingStatus} in ('pending', 'assigned')))::int`,
        })
        .from(instruments)
        .where(locatedRecordScope(scope, instruments))
        .groupBy(instruments.enterpriseId)
    ).map((r) => [r.e, r]),
  );
  let listed = 0;
  for (let cursor: number | undefined = undefined; ; ) {
    const page: Awaited<ReturnType<typeof listEnterprises>> = await listEnterprises(db(), scope, { limit: 50, cursor });
    for (const r of page.items) {
      const w = want.get(r.id);
      expect({ name, e: r.id, instruments: r.instruments, filed: r.filed, pending: r.pending }).toEqual({ name, e: r.id, instruments: w?.instruments ?? 0, filed: w?.filed ?? 0, pending: w?.pending ?? 0 });
    }
    listed += page.items.length;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  expect(listed, `${name} lists enterprises`).toBeGreaterThan(0);
}

let serial = 0;
function instrumentRow(over: Partial<typeof instruments.$inferInsert> & { countyCode: string; enterpriseId: number }) {
  const s = `ST-${++serial}`;
  return {
    name: "燃油加油机", model: "CS46", serialNo: s, manufacturer: "统计厂", installLocation: "1号岛", provinceCode: over.countyCode.slice(0, 2),
    cityCode: over.countyCode.slice(0, 4), purpose: "trade" as const, method: "on_site" as const, kindId: fx.kind["燃油加油机"]!,
    manufacturerNorm: "统计厂", serialNorm: s.toLowerCase(), ...over,
  };
}

describe("statistics layer (issue 12 item 1)", () => {
  it("R-STAT-1 the layer's figures equal direct counts after workflow actions and across midnight in Asia/Shanghai", async () => {
    await expectLayerEqualsDirect(BEFORE_MIDNIGHT); // the seed and the migration's backfill
    const station = fx.org.stationEnterprise!;
    const hospital = fx.org.hospitalEnterprise!;
    const jyzqy = await callerAs(db(), "jyzqy");
    // Ledger entry and import through the enterprise's own procedures.
    await jyzqy.ledger.create({ name: "燃油加油机", model: "CS46", serialNo: "ST-NEW-1", manufacturer: "统计厂", installLocation: "2号岛", countyCode: "440111", purpose: "trade", method: "on_site", kindId: fx.kind["燃油加油机"]!, status: "in_use" });
    // A bulk insert in one statement, with validity and approval days on every bucket threshold of 1 and 2 December.
    const days = ["2026-10-31", "2026-11-01", "2026-11-02", "2026-11-21", "2026-11-22", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-31", "2027-01-01", "2027-01-02", "2027-06-30", "2025-03-03"];
    const rows = [];
    for (const [i, d] of days.entries()) {
      for (const county of ["440111", "440106", "440303"]) {
        rows.push(instrumentRow({ enterpriseId: i % 2 ? station : hospital, countyCode: county, validUntil: d, institutionId: i % 3 === 0 ? fx.org.gzInstitute : i % 3 === 1 ? fx.org.byInstitute : fx.org.authorisedInstitute }));
        rows.push(instrumentRow({ enterpriseId: station, countyCode: county, filingStatus: "filed", filingApprovedOn: d, institutionId: fx.org.byInstitute, purpose: i % 2 ? "safety" : "trade" }));
      }
    }
    const inserted = await db().insert(instruments).values(rows).returning({ id: instruments.id });
    await expectLayerEqualsDirect(BEFORE_MIDNIGHT);

    // Updates: validity moved, an instrument moved to another city, purpose changed, a no-op bulk update.
    const ids = inserted.map((r) => r.id);
    await db().update(instruments).set({ validUntil: "2026-12-01" }).where(inArray(instruments.id, ids.slice(0, 10)));
    await db().update(instruments).set({ countyCode: "440303", cityCode: "4403" }).where(inArray(instruments.id, ids.slice(10, 14)));
    await db().update(instruments).set({ purpose: "medical", failedSince: "2026-11-20" }).where(inArray(instruments.id, ids.slice(14, 20)));
    await db().update(instruments).set({ remark: "批量备注" });
    // Tags and status (the ledger's count cells): tags added, a tag repeated, tags replaced, stop and scrap.
    await db().update(instruments).set({ tags: ["一期", "新购"] }).where(inArray(instruments.id, ids.slice(30, 40)));
    await db().update(instruments).set({ tags: ["一期", "一期", ""] }).where(inArray(instruments.id, ids.slice(35, 45)));
    await db().update(instruments).set({ status: "in_use" }).where(inArray(instruments.id, ids.slice(40, 50)));
    const stationRows = await db().select({ id: instruments.id }).from(instruments).where(and(inArray(instruments.id, ids.slice(40, 46)), eq(instruments.enterpriseId, station)));
    expect(stationRows.length).toBeGreaterThan(0);
    await jyzqy.ledger.stop({ ids: stationRows.map((r) => r.id) });
    await db().update(instruments).set({ status: "scrapped" }).where(inArray(instruments.id, ids.slice(44, 46)));
    // Deletes: one through the ledger, a batch directly.
    const [fresh] = await db().select({ id: instruments.id }).from(instruments).where(eq(instruments.serialNo, "ST-NEW-1"));
    await jyzqy.ledger.remove({ ids: [fresh!.id] });
    await db().delete(instruments).where(inArray(instruments.id, ids.slice(20, 30)));
    // Filing approval through the institution's procedure.
    const gzjly = await callerAs(db(), "gzjly");
    await gzjly.filing.approve({ filingIds: [fx.filing["BA-0015"]!] });
    // Results as the results service records them: rows in `results` plus the instrument update of issueDocuments.
    const items = ["YY-0103", "YY-0104"].map((s) => ({ item: fx.appointmentItem[s]!, appointment: fx.appointment[s]!, instrument: fx.instrument[s]! }));
    const [inst] = await db().select({ enterpriseId: instruments.enterpriseId }).from(instruments).where(eq(instruments.id, items[0]!.instrument));
    await db().insert(results).values([
      { appointmentItemId: items[0]!.item, appointmentId: items[0]!.appointment, instrumentId: items[0]!.instrument, enterpriseId: inst!.enterpriseId, institutionId: fx.org.gzInstitute!, verdict: "fail", verifiedOn: "2026-11-28", verifier: "张检定", checker: "李核验", approver: "王批准", conclusion: "不合格" },
      { appointmentItemId: items[1]!.item, appointmentId: items[1]!.appointment, instrumentId: items[1]!.instrument, enterpriseId: inst!.enterpriseId, institutionId: fx.org.gzInstitute!, verdict: "pass", verifiedOn: "2026-11-28", validUntil: "2027-11-27", verifier: "张检定", checker: "李核验", approver: "王批准", conclusion: "合格" },
    ] as never);
    await db().update(instruments).set({ failedSince: "2026-11-28" }).where(eq(instruments.id, items[0]!.instrument));
    await db().update(instruments).set({ validUntil: "2027-11-27", failedSince: null, certificateNo: "STAT-1" }).where(eq(instruments.id, items[1]!.instrument));
    const before = await expectLayerEqualsDirect(BEFORE_MIDNIGHT);

    // Midnight in China: nothing is written, the buckets move with the day and still equal the direct counts.
    const after = await expectLayerEqualsDirect(AFTER_MIDNIGHT);
    expect(after.all).toBe(before.all);
    expect(after.overdue).toBeGreaterThan(before.overdue!);
    expect(after.due).not.toBe(before.due);
  });

  it("R-STAT-1 a bulk import is one statement's delta: 2,000 rows in one insert leave the cells consistent", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => instrumentRow({ enterpriseId: fx.org.stationEnterprise!, countyCode: "440111", validUntil: `2027-0${1 + (i % 9)}-1${i % 10}` }));
    await db().insert(instruments).values(rows);
    const [cells] = await db().select({ n: sql<number>`sum(${statInstrumentCells.n}) filter (where not ${statInstrumentCells.fine})::int` }).from(statInstrumentCells);
    const [all] = await db().select({ n: sql<number>`count(*)::int` }).from(instruments);
    expect(cells!.n).toBe(all!.n);
    await expectLayerEqualsDirect(AFTER_MIDNIGHT);
  });
});

describe("undated tables of 申报企业 and the home figures (issue 14 #3)", () => {
  it("an enterprise's only instrument with an institution leaves it: the pair is gone and 辖区企业 drops the enterprise", async () => {
    const authorised = scopes().authorised as Extract<Scope, { kind: "authorisedInstitution" }>;
    const [{ id: enterprise }] = (await db()
      .insert(organisations)
      .values({ kind: "enterprise", name: "统计新企业", status: "approved", countyCode: "440305", cityCode: "4403", provinceCode: "44" })
      .returning({ id: organisations.id })) as [{ id: number }];
    const enterprisesOf = async () => (await homeFigures(db(), authorised)).find((x) => x.label === "辖区企业")!.value;
    const before = await enterprisesOf();
    const [{ id }] = (await db()
      .insert(instruments)
      .values(instrumentRow({ countyCode: "440305", enterpriseId: enterprise, institutionId: authorised.orgId, filingStatus: "pending" }))
      .returning({ id: instruments.id })) as [{ id: number }];
    expect(await enterprisesOf()).toBe(before + 1);
    await expectUndatedTablesEqualDirect();
    // A returned filing clears the institution (R-SCOPE-2): nothing of the enterprise is with it any more.
    await db().update(instruments).set({ institutionId: null, filingStatus: "returned" }).where(eq(instruments.id, id));
    expect(await enterprisesOf()).toBe(before);
    await expectUndatedTablesEqualDirect();
    await expectInstitutionViewsEqualDirect("authorised", authorised, await homeFigures(db(), authorised));
  });
});

describe("statistics scope (issue 12 item 2, R-SCOPE-3/4)", () => {
  it("R-SCOPE-4 a city regulator asking for another city's region, or a county regulator for its city, is NOT_FOUND", async () => {
    const gz = await callerAs(db(), "gzscjg");
    expect(await outcome(() => gz.statistics.dashboard({ region: "4403", period: "year" }))).toBe("NOT_FOUND");
    expect(await outcome(() => gz.statistics.dashboard({ region: "44", period: "year" }))).toBe("NOT_FOUND");
    expect(await outcome(() => gz.statistics.dashboard({ region: "440303", period: "year" }))).toBe("NOT_FOUND");
    expect(await outcome(() => gz.statistics.dashboard({ region: "440111", period: "year" }))).toBe("ok");
    const by = await callerAs(db(), "byscjg");
    expect(await outcome(() => by.statistics.dashboard({ region: "4401", period: "year" }))).toBe("NOT_FOUND");
    expect(await outcome(() => by.statistics.breakdown({ region: "440106", period: "year" }))).toBe("NOT_FOUND");
    const gd = await callerAs(db(), "gdscjg");
    expect(await outcome(() => gd.statistics.dashboard({ region: "43", period: "year" }))).toBe("NOT_FOUND");
    expect(await outcome(() => gd.statistics.dashboard({ region: "449999", period: "year" }))).toBe("NOT_FOUND");
  });

  it("issue 12 bad input: unknown filter values answer a clear message", async () => {
    const gd = await callerAs(db(), "gdscjg");
    await expect(gd.statistics.dashboard({ period: "year", item: 987654321 })).rejects.toMatchObject({ message: "所选项别不在现行目录中，请重新选择" });
    await expect(gd.statistics.dashboard({ period: "year", institution: fx.org.stationEnterprise })).rejects.toMatchObject({ message: "所选检定机构不存在，请重新选择" });
    await expect(gd.statistics.dashboard({ period: "decade" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const by = await callerAs(db(), "byscjg");
    await expect(by.statistics.dashboard({ period: "year", cursor: Buffer.from(JSON.stringify(["x", 1])).toString("base64url") })).rejects.toMatchObject({ message: "分页参数无效" });
  });

  it("issue 12 #2 the breadcrumb runs from the caller's region down; the province lists all 21 Guangdong cities", async () => {
    const gd = await callerAs(db(), "gdscjg");
    const top = await gd.statistics.dashboard({ period: "year" });
    expect(top.rows).toHaveLength(21);
    expect(top.childLevel).toBe("city");
    const county = await gd.statistics.dashboard({ region: "440111", period: "year" });
    expect(county.breadcrumb.map((b) => b.code)).toEqual(["44", "4401", "440111"]);
    expect(county.childLevel).toBe("enterprise");
    const gz = await callerAs(db(), "gzscjg");
    expect((await gz.statistics.dashboard({ region: "440111", period: "year" })).breadcrumb.map((b) => b.code)).toEqual(["4401", "440111"]);
  });
});

describe("workload forecast (issue 12 item 7)", () => {
  it("issue 12 #7 demand per week equals a direct count and a week above the calendar's capacity is marked", async () => {
    const now = new Date("2026-12-01T02:00:00Z");
    const scope: Scope = { kind: "legalInstitution", orgId: fx.org.byInstitute!, region: regionFilterOf("440111") };
    const first = await forecast(db(), scope, undefined, now);
    const inst = first.institutions[0]!;
    const week = inst.weeks[4]!;
    expect(week.capacity).toBeGreaterThan(0);
    // Seed demand one above the week's capacity: validity ending on the week's Wednesday in Baiyun.
    const need = week.capacity - week.demand + 1;
    const mid = first.weeks[4]!.from.replace(/-(\d\d)$/, (_, d: string) => `-${String(Number(d)).padStart(2, "0")}`);
    const rows = Array.from({ length: need }, () => instrumentRow({ enterpriseId: fx.org.stationEnterprise!, countyCode: "440111", validUntil: mid }));
    for (let i = 0; i < rows.length; i += 500) await db().insert(instruments).values(rows.slice(i, i + 500));
    const again = (await forecast(db(), scope, undefined, now)).institutions[0]!;
    expect(again.weeks[4]!.over).toBe(true);
    expect(again.weeks.filter((w) => w.over).length).toBeGreaterThanOrEqual(1);
    for (const w of again.weeks) {
      const [d] = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(instruments)
        .where(and(locatedRecordScope(scope, instruments), sql`${instruments.validUntil} between ${w.from} and ${w.to}`));
      expect([w.from, w.demand]).toEqual([w.from, d!.n]);
      expect(w.over).toBe(w.demand > w.capacity);
    }
    // The regulators above Baiyun see the same institution's weeks; a regulator elsewhere does not.
    const gz = await callerAs(db(), "gzscjg");
    expect(await outcome(() => gz.statistics.forecast({ institution: fx.org.byInstitute }))).toBe("ok");
    const by = await callerAs(db(), "byscjg");
    expect(await outcome(() => by.statistics.forecast({ institution: fx.org.gzInstitute }))).toBe("NOT_FOUND");
    const [org] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.id, fx.org.byInstitute!));
    expect(org).toBeDefined();
  });
});
