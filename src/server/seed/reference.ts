import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { parseCatalogueRecords } from "@/server/domain/catalogue/parse-catalogue";
import { importCatalogue } from "@/server/services/catalogue/import-catalogue";
import { SYSTEM_ACTOR } from "@/server/services/audit";
import type { DB } from "@/server/db/open";
import { catalogueVersions, regions } from "@/server/db/schema";
import { seedHolidayCalendar } from "./calendar";

/** Reference data ships inside the repo (data/), never read from ../shared at run time. */
export const DATA_DIR = path.join(process.cwd(), "data");

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file), { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

export function loadRegionRows() {
  const dir = path.join(DATA_DIR, "admin-divisions");
  const provinces = readCsv(path.join(dir, "provinces.csv")).map((r) => ({
    code: r.code!,
    name: r.name!,
    level: "province" as const,
    parentCode: null,
    provinceCode: r.code!,
    cityCode: null,
  }));
  const cities = readCsv(path.join(dir, "cities.csv")).map((r) => ({
    code: r.code!,
    name: r.name!,
    level: "city" as const,
    parentCode: r.provinceCode!,
    provinceCode: r.provinceCode!,
    cityCode: r.code!,
  }));
  const counties = readCsv(path.join(dir, "areas.csv")).map((r) => ({
    code: r.code!,
    name: r.name!,
    level: "county" as const,
    parentCode: r.cityCode!,
    provinceCode: r.provinceCode!,
    cityCode: r.cityCode!,
  }));
  return [...provinces, ...cities, ...counties];
}

export function loadCatalogueSample() {
  const records = readCsv(path.join(DATA_DIR, "catalogue-sample.csv"));
  const parsed = parseCatalogueRecords(records);
  if (!parsed.ok) throw new Error(`catalogue-sample.csv 有误：${JSON.stringify(parsed.errors)}`);
  return parsed.rows;
}

/** Idempotent: fills regions and the sample catalogue only when they are empty. */
export async function seedReference(db: DB) {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(regions)) as [{ n: number }];
  if (n === 0) {
    const rows = loadRegionRows();
    await db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 1000) await tx.insert(regions).values(rows.slice(i, i + 1000));
    });
  }
  const [{ v }] = (await db.select({ v: sql<number>`count(*)::int` }).from(catalogueVersions)) as [{ v: number }];
  if (v === 0) {
    await importCatalogue(db, SYSTEM_ACTOR, {
      name: "强检目录示例版（部分种别，演示用）",
      note: "演示用部分目录；请管理员导入正式目录",
      rows: loadCatalogueSample(),
    });
  }
  await seedHolidayCalendar(db);
}
