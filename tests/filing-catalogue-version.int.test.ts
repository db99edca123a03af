import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open";
import { openTestDb } from "./helpers/db";
import { callerAs, type Fixtures, loadFixtures } from "./helpers/fixtures";

let database: Database;
let fx: Fixtures;
beforeAll(async () => {
  database = await openTestDb();
  fx = await loadFixtures(database.db);
});
afterAll(() => database?.close());

describe("capabilities across catalogue versions", () => {
  it("R-CAT-3 R-FIL-1 after a new catalogue is imported, old and new instruments of a kind still find the institutions able to verify it", async () => {
    const oldKind = fx.kind["燃油加油机"]!;
    const ent = await callerAs(database.db, "jyzqy");
    const base = { name: "燃油加油机", model: "CS46", manufacturer: "版本测试厂", installLocation: "1号岛", countyCode: "440111", purpose: "trade" as const, method: "on_site" as const };
    const oldOne = await ent.ledger.create({ ...base, serialNo: "VER-OLD-1", kindId: oldKind });
    const csv = readFileSync(path.join(process.cwd(), "data", "catalogue-sample.csv"), "utf8");
    const admin = await callerAs(database.db, "admin");
    expect(await admin.catalogue.importCsv({ name: "新版目录", csv, commit: true })).toMatchObject({ imported: true });
    const current = await admin.catalogue.current();
    const newKind = current.kinds.find((k) => k.name === "燃油加油机")!.id;
    expect(newKind).not.toBe(oldKind);

    const newOne = await ent.ledger.create({ ...base, serialNo: "VER-NEW-1", kindId: newKind });
    const options = await ent.filing.options({ instrumentIds: [oldOne.id, newOne.id] });
    const eligible = (id: number) => options.find((o) => o.instrumentId === id)!.institutions.map((i) => i.id).sort();
    expect(eligible(newOne.id).length).toBeGreaterThan(0);
    expect(eligible(newOne.id)).toEqual(eligible(oldOne.id));
    expect(eligible(newOne.id)).toContain(fx.org.gzInstitute);
    // No institution is offered twice.
    expect(new Set(eligible(newOne.id)).size).toBe(eligible(newOne.id).length);
  });
});
