import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { organisations } from "@/server/db/schema";
import { openTestDb } from "./helpers/db";
import { callerAs, type Fixtures, loadFixtures } from "./helpers/fixtures";

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

const as = (u: string) => callerAs(database.db, u);
const orgName = async (id: number) => (await database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)))[0]!.name;

describe("what a user reads about an instrument (issue 9)", () => {
  it("#13 details show 检定机构: the institution it is filed with, then the one it is assigned to (SPEC §5)", async () => {
    const station = await as("jyzqy");
    const unfiled = await station.ledger.byId({ id: fx.instrument["BA-0008"]! });
    expect(unfiled.filingStatus).toBe("none");
    expect(unfiled.institutionName).toBeNull();

    const id = fx.instrument["BA-0015"]!;
    expect(await station.ledger.byId({ id })).toMatchObject({ filingStatus: "pending", institutionName: await orgName(fx.org.gzInstitute!) });
    const city = await as("gzjly");
    await city.filing.assign({ filingIds: [fx.filing["BA-0015"]!], countyInstitutionId: fx.org.byInstitute! });
    expect(await station.ledger.byId({ id })).toMatchObject({ filingStatus: "assigned", institutionName: await orgName(fx.org.byInstitute!) });
    await (await as("byjls")).filing.confirm({ filingIds: [fx.filing["BA-0015"]!] });
    expect(await station.ledger.byId({ id })).toMatchObject({ filingStatus: "filed", institutionName: await orgName(fx.org.byInstitute!) });
    // The institution reading the same record sees the same field.
    expect((await (await as("byjls")).ledger.byId({ id })).institutionName).toBe(await orgName(fx.org.byInstitute!));
  });

  it("#15 a resubmitted filing's corrections appear in the instrument's 历史记录 as field changes", async () => {
    const station = await as("jyzqy");
    const id = fx.instrument["BA-0013"]!;
    const before = await station.ledger.byId({ id });
    expect(before.filingStatus).toBe("returned");
    await station.filing.resubmit({
      instrumentId: id,
      institutionId: fx.org.gzInstitute!,
      changes: { name: before.name, model: `${before.model}-补充资料`, installLocation: before.installLocation, remark: "按铭牌核对" },
    });
    const after = await station.ledger.byId({ id });
    expect(after.model).toBe(`${before.model}-补充资料`);
    const latest = after.history[0]!;
    expect(latest).toMatchObject({ action: "instrument.correct", actionLabel: "退回后补正资料" });
    expect(latest.changes).toEqual(
      expect.arrayContaining([
        { field: "model", label: "型号规格", from: before.model, to: `${before.model}-补充资料` },
        { field: "remark", label: "备注", from: "—", to: "按铭牌核对" },
      ]),
    );
    // Only what changed: the unchanged name and location are not listed.
    expect(latest.changes.map((c) => c.field).sort()).toEqual(["model", "remark"]);
  });

  it("#16 the admin audit log names actions, objects and ids in Chinese, with Beijing times", async () => {
    const admin = await as("admin");
    const confirm = (await admin.admin.auditLog({ action: "filing.confirm", limit: 10, cursor: null })).items[0]!;
    expect(confirm).toMatchObject({ actionLabel: "确认受理备案", entityLabel: "备案", entityName: expect.stringContaining("出厂编号 BA-0015") });
    expect(confirm.changes).toEqual(
      expect.arrayContaining([
        { field: "state", label: "备案状态", from: "待确认（已分派）", to: "已备案" },
        { field: "institutionId", label: "检定机构", from: "", to: await orgName(fx.org.byInstitute!) },
      ]),
    );
    const seeded = (await admin.admin.auditLog({ action: "demo.seed", limit: 10, cursor: null })).items[0]!;
    expect(seeded.actionLabel).toBe("写入演示数据");
    // Nothing shown is a code, a raw id or a UTC instant.
    const page = await admin.admin.auditLog({ limit: 100, cursor: null });
    expect(page.items.length).toBeGreaterThan(5);
    for (const r of page.items) {
      const shown = [r.actionLabel, r.entityLabel, r.entityName ?? "", ...r.changes.flatMap((c) => [c.label, c.from, c.to])].join(" | ");
      expect(shown).not.toMatch(/\d{4}-\d\d-\d\dT|[a-z]+\.[a-z_]+|[{}]/);
    }
  });
});
