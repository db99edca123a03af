import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { filings, instruments, organisations } from "@/server/db/schema";
import { openTestDb } from "./helpers/db";
import { callerAs, type Fixtures, loadFixtures, outcome } from "./helpers/fixtures";

let database: Database;
let fx: Fixtures;
/** Enterprises added here: one whose only filing with an institution was returned, one with an instrument assigned out of region. */
const added: { returned: number; assigned: number } = { returned: 0, assigned: 0 };

beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
  const db = database.db;
  const kindId = fx.kind["燃油加油机"]!;
  const enterprise = async (name: string, uscc: string, countyCode: string) => {
    const [row] = await db
      .insert(organisations)
      .values({ kind: "enterprise", name, uscc, regionCode: countyCode, provinceCode: "44", cityCode: countyCode.slice(0, 4), countyCode, status: "approved" })
      .returning({ id: organisations.id });
    return row!.id;
  };
  const instrument = async (enterpriseId: number, serial: string, countyCode: string, over: Partial<typeof instruments.$inferInsert>) => {
    const [row] = await db
      .insert(instruments)
      .values({
        enterpriseId, name: "燃油加油机", model: "CS46", serialNo: serial, manufacturer: "示例厂", installLocation: "1号岛",
        provinceCode: "44", cityCode: countyCode.slice(0, 4), countyCode, purpose: "trade", method: "on_site", kindId,
        manufacturerNorm: "示例厂", serialNorm: serial.toLowerCase(), ...over,
      })
      .returning({ id: instruments.id });
    return row!.id;
  };
  // Tianhe (440106) enterprise whose filings with the authorised institute and (after assignment) with the
  // Baiyun institute were both returned: nothing of it is with either institution any more.
  added.returned = await enterprise("天河退回示例有限公司", "91440106MA5TEST01X", "440106");
  const r1 = await instrument(added.returned, "RT-1", "440106", { filingStatus: "returned" });
  const r2 = await instrument(added.returned, "RT-2", "440106", { filingStatus: "returned" });
  await db.insert(filings).values([
    { instrumentId: r1, enterpriseId: added.returned, institutionId: fx.org.authorisedInstitute!, state: "returned" },
    { instrumentId: r2, enterpriseId: added.returned, institutionId: fx.org.gzInstitute!, assignedInstitutionId: fx.org.byInstitute!, state: "returned" },
  ]);
  // Tianhe enterprise with one instrument assigned to the Baiyun institute (outside its county) and three others.
  added.assigned = await enterprise("天河指派示例有限公司", "91440106MA5TEST02X", "440106");
  const a1 = await instrument(added.assigned, "AS-1", "440106", { filingStatus: "assigned", institutionId: fx.org.byInstitute });
  for (const s of ["AS-2", "AS-3", "AS-4"]) await instrument(added.assigned, s, "440106", {});
  await db.insert(filings).values({ instrumentId: a1, enterpriseId: added.assigned, institutionId: fx.org.gzInstitute!, assignedInstitutionId: fx.org.byInstitute!, state: "assigned" });
});
afterAll(() => database?.close());

const as = (u: string) => callerAs(database.db, u);

type Row = { id: number; status: string; instruments: number; filed: number; pending: number };
async function allEnterprises(username: string) {
  const caller = await as(username);
  const rows: Row[] = [];
  let cursor: number | null = null;
  do {
    const res: { items: Row[]; nextCursor: number | null } = await caller.jurisdiction.enterprises({ limit: 2, cursor });
    rows.push(...res.items);
    cursor = res.nextCursor;
  } while (cursor);
  return rows;
}

/** The institutions under test and, independently of the code under test, which instruments each may see (R-SCOPE-2). */
const institutions = () =>
  [
    { username: "gzjly", kind: "legal", sees: (i: Inst) => i.cityCode === "4401" || i.institutionId === fx.org.gzInstitute },
    { username: "byjls", kind: "legal", sees: (i: Inst) => i.countyCode === "440111" || i.institutionId === fx.org.byInstitute },
    { username: "sqjg", kind: "authorised", sees: (i: Inst) => i.institutionId === fx.org.authorisedInstitute },
  ] as const;
type Inst = typeof instruments.$inferSelect;

describe("jurisdiction (issue 9 items 9 and 11)", () => {
  it("issue 9 #9 申报企业 counts each enterprise's own instruments in the caller's scope (two enterprises with different counts)", async () => {
    const all = await database.db.select().from(instruments);
    for (const { username, sees } of institutions()) {
      const rows = await allEnterprises(username);
      const expected = (id: number) => {
        const mine = all.filter((i) => i.enterpriseId === id && sees(i));
        return {
          instruments: mine.length,
          filed: mine.filter((i) => i.filingStatus === "filed").length,
          pending: mine.filter((i) => i.filingStatus === "pending" || i.filingStatus === "assigned").length,
        };
      };
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect({ username, id: r.id, instruments: r.instruments, filed: r.filed, pending: r.pending }).toEqual({ username, id: r.id, ...expected(r.id) });
    }
    // The city institute lists the petrol station and the hospital with different, non-trivial counts.
    const city = await allEnterprises("gzjly");
    const station = city.find((r) => r.id === fx.org.stationEnterprise)!;
    const hospital = city.find((r) => r.id === fx.org.hospitalEnterprise)!;
    expect(station.instruments).toBeGreaterThan(1);
    expect(hospital.instruments).toBeGreaterThan(0);
    expect(station.instruments).not.toBe(hospital.instruments);
    expect(city.find((r) => r.id === added.assigned)).toMatchObject({ instruments: 4, filed: 0, pending: 1 });
  });

  it("issue 9 #11 one 'filed with': every enterprise 申报企业 lists opens with organisation.byId, and the home figures agree (legal and authorised)", async () => {
    for (const { username } of institutions()) {
      const caller = await as(username);
      const rows = await allEnterprises(username);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect({ username, id: r.id, byId: await outcome(() => caller.organisation.byId({ id: r.id })) }).toEqual({ username, id: r.id, byId: "ok" });
      const { figures } = await caller.me.home();
      const figure = (label: string) => figures.find((f) => f.label === label)?.value;
      expect({ username, enterprises: figure("辖区企业") }).toEqual({ username, enterprises: rows.filter((r) => r.status === "approved").length });
      const { counts } = await caller.jurisdiction.counts();
      expect({ username, instruments: figure("辖区仪器") }).toEqual({ username, instruments: counts.all });
    }
  });

  it("issue 9 #11 filed with = an instrument with the institution now: assigned out of region counts, a returned filing does not", async () => {
    // Legal county institute: the Tianhe enterprise with an instrument assigned to it is listed and opens; the one whose filing it returned is neither.
    const by = await as("byjls");
    const byRows = (await allEnterprises("byjls")).map((r) => r.id);
    expect(byRows).toContain(added.assigned);
    expect(await outcome(() => by.organisation.byId({ id: added.assigned }))).toBe("ok");
    expect(byRows).not.toContain(added.returned);
    expect(await outcome(() => by.organisation.byId({ id: added.returned }))).toBe("NOT_FOUND");
    // Authorised institute: the returned filing leaves nothing with it, so the enterprise is out of its scope everywhere.
    const sq = await as("sqjg");
    expect((await allEnterprises("sqjg")).map((r) => r.id)).not.toContain(added.returned);
    expect(await outcome(() => sq.organisation.byId({ id: added.returned }))).toBe("NOT_FOUND");
    // The city institute sees both (its jurisdiction covers Tianhe).
    const gz = (await allEnterprises("gzjly")).map((r) => r.id);
    expect(gz).toEqual(expect.arrayContaining([added.assigned, added.returned]));
  });
});
