import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { auditLog, departments, instruments } from "@/server/db/schema";
import { checkLedgerFile, importLedgerFile } from "@/server/services/ledger/import-ledger";
import { goodRow, ledgerWorkbook } from "../scripts/ledger/sample-file";
import { openTestDb } from "./helpers/db";
import { callerAs, type Fixtures, loadFixtures } from "./helpers/fixtures";

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

const fields = (serialNo: string, department: string) => ({
  name: "燃油加油机",
  model: "CS46",
  serialNo,
  manufacturer: "部门测试厂",
  installLocation: "1号岛",
  countyCode: "440111",
  purpose: "trade" as const,
  method: "on_site" as const,
  kindId: fx.kind["燃油加油机"]!,
  department,
});

const departmentNamed = async (orgId: number, name: string) =>
  database.db.select().from(departments).where(and(eq(departments.orgId, orgId), eq(departments.name, name)));
const createAudits = async (departmentId: number) =>
  database.db.select().from(auditLog).where(and(eq(auditLog.action, "department.create"), eq(auditLog.entityId, String(departmentId))));

describe("issue 8 #2: departments created implicitly by the ledger go through a service with their audit row", () => {
  it("issue 8 #2 a ledger save naming a new department writes its department.create audit row (once)", async () => {
    const api = await callerAs(database.db, "jyzqy");
    await api.ledger.create(fields("DEPT-1", "新设部门甲"));
    const [dept] = await departmentNamed(fx.org.stationEnterprise!, "新设部门甲");
    expect(dept).toBeDefined();
    const audits = await createAudits(dept!.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: fx.user.jyzqy, actorOrgId: fx.org.stationEnterprise, entityType: "department", after: { name: "新设部门甲" } });
    // Naming an existing department creates nothing and audits nothing.
    const { id } = await api.ledger.create(fields("DEPT-2", "新设部门甲"));
    await api.ledger.update({ id, fields: fields("DEPT-2", "新设部门甲") });
    expect(await departmentNamed(fx.org.stationEnterprise!, "新设部门甲")).toHaveLength(1);
    expect(await createAudits(dept!.id)).toHaveLength(1);
  });

  it("issue 8 #2 an update naming a new department audits its creation", async () => {
    const api = await callerAs(database.db, "jyzqy");
    const { id } = await api.ledger.create(fields("DEPT-3", "新设部门乙"));
    await api.ledger.update({ id, fields: fields("DEPT-3", "新设部门丙") });
    const [dept] = await departmentNamed(fx.org.stationEnterprise!, "新设部门丙");
    expect(dept).toBeDefined();
    expect(await createAudits(dept!.id)).toHaveLength(1);
  });

  it("issue 8 #2 a refused save leaves neither the department nor its audit row", async () => {
    const api = await callerAs(database.db, "jyzqy");
    await api.ledger.create(fields("DEPT-4", "新设部门甲"));
    await expect(api.ledger.create(fields("DEPT-4", "未落地部门"))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await departmentNamed(fx.org.stationEnterprise!, "未落地部门")).toHaveLength(0);
    const orphan = await database.db.select().from(auditLog).where(eq(auditLog.action, "department.create"));
    expect(orphan.length).toBeGreaterThan(0);
    expect(orphan.filter((a) => (a.after as { name?: string } | null)?.name === "未落地部门")).toHaveLength(0);
  });

  it("issue 8 #2 an Excel import naming new departments audits each creation in the import's transaction", async () => {
    const rows = [goodRow(1, "DEPTX"), goodRow(2, "DEPTX"), goodRow(3, "DEPTX")].map((r, i) => ({ ...r, 部门: i === 2 ? "导入部门乙" : "导入部门甲" }));
    const station = { userId: fx.user.jyzqy!, orgId: fx.org.stationEnterprise!, ip: "10.0.0.8" };
    const file = { name: "部门.xlsx", bytes: new Uint8Array(await ledgerWorkbook(rows)) };
    const check = await checkLedgerFile(database.db, station.orgId, file);
    expect(check.validRows).toBe(3);
    const result = await importLedgerFile(database.db, station, file);
    if (result.alreadyImported) throw new Error("the file was new");
    // Each imported instrument keeps its instrument.import audit row, now written by writeAudit.
    const imported = await database.db.select({ id: instruments.id }).from(instruments).where(like(instruments.serialNo, "DEPTX-%"));
    expect(imported).toHaveLength(3);
    const importAudits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "instrument.import"), inArray(auditLog.entityId, imported.map((i) => String(i.id)))));
    expect(importAudits).toHaveLength(3);
    for (const a of importAudits) {
      expect(a).toMatchObject({ actorUserId: station.userId, actorOrgId: station.orgId, ip: "10.0.0.8", entityType: "instrument", after: { importId: result.importId } });
    }
    for (const name of ["导入部门甲", "导入部门乙"]) {
      const [dept] = await departmentNamed(station.orgId, name);
      expect(dept).toBeDefined();
      const audits = await createAudits(dept!.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorUserId: station.userId, actorOrgId: station.orgId, ip: "10.0.0.8", after: { name } });
    }
  });
});
