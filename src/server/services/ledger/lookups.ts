import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { rowsOf } from "@/server/db/rows";
import { catalogueItems, catalogueKinds, catalogueVersions, instruments, regions } from "@/server/db/schema";
import { kindLabel } from "@/server/domain/ledger/excel-columns";
import type { KindRef, RowLookups } from "@/server/domain/ledger/excel-row";
import { AppError } from "@/server/errors";

/** The current catalogue's kinds with their item, for pickers, the template and the import. */
export async function currentKinds(db: Queryable) {
  return db
    .select({ id: catalogueKinds.id, name: catalogueKinds.name, itemName: catalogueItems.name, supervision: catalogueKinds.supervision, purposes: catalogueKinds.purposes })
    .from(catalogueKinds)
    .innerJoin(catalogueItems, eq(catalogueItems.id, catalogueKinds.itemId))
    .innerJoin(catalogueVersions, eq(catalogueVersions.id, catalogueKinds.versionId))
    .where(eq(catalogueVersions.isCurrent, true))
    .orderBy(catalogueItems.id, catalogueKinds.id);
}

/** Every county with its "省/市/区县" label (about 3 000 rows; reference data). */
export async function countyLabels(db: Queryable) {
  const rows = await db.execute<{ code: string; label: string }>(sql`
    select c.code, p.name || '/' || coalesce(m.name, '') || '/' || c.name as label
    from ${regions} c join ${regions} p on p.code = c.province_code left join ${regions} m on m.code = c.city_code
    where c.level = 'county' order by c.code`);
  return rowsOf<{ code: string; label: string }>(rows);
}

export async function rowLookups(db: Queryable): Promise<RowLookups> {
  const kinds = new Map<string, KindRef>();
  const all = await currentKinds(db);
  const nameCount = new Map<string, number>();
  for (const k of all) nameCount.set(k.name, (nameCount.get(k.name) ?? 0) + 1);
  for (const k of all) {
    const ref: KindRef = { id: k.id, supervision: k.supervision, label: kindLabel(k.itemName, k.name) };
    kinds.set(ref.label.replace(/\s+/g, ""), ref);
    // A bare kind name is accepted when it is unambiguous.
    if (nameCount.get(k.name) === 1) kinds.set(k.name.replace(/\s+/g, ""), ref);
  }
  const regionsMap = new Map<string, string>();
  for (const r of await countyLabels(db)) {
    regionsMap.set(r.label.replace(/\s+/g, ""), r.code);
    regionsMap.set(r.code, r.code);
  }
  return { kinds, regions: regionsMap };
}

/** County → its city and province codes; an unknown county is bad input. */
export async function locationOf(db: Queryable, countyCode: string) {
  const [r] = await db
    .select({ code: regions.code, cityCode: regions.cityCode, provinceCode: regions.provinceCode })
    .from(regions)
    .where(and(eq(regions.code, countyCode), eq(regions.level, "county")))
    .limit(1);
  if (!r) throw new AppError("BAD_INPUT", "所在地不存在，请重新选择省/市/区县");
  return { countyCode: r.code, cityCode: r.cityCode ?? r.code.slice(0, 4), provinceCode: r.provinceCode };
}

/** The kind must exist; new records need a kind of the current catalogue that is V or P+V (R-CAT-1). */
export async function checkKind(db: Queryable, kindId: number, keepKindId?: number) {
  const [k] = await db
    .select({ id: catalogueKinds.id, supervision: catalogueKinds.supervision, isCurrent: catalogueVersions.isCurrent, name: catalogueKinds.name })
    .from(catalogueKinds)
    .innerJoin(catalogueVersions, eq(catalogueVersions.id, catalogueKinds.versionId))
    .where(eq(catalogueKinds.id, kindId))
    .limit(1);
  if (!k || (!k.isCurrent && kindId !== keepKindId)) throw new AppError("BAD_INPUT", "请从当前目录中选择项别/种别");
  if (k.supervision === "P") throw new AppError("LEDGER_KIND_NOT_COMPULSORY", `“${k.name}”仅实行型式批准（P），不属于强制检定，不能登记为强检器具（R-CAT-1）`);
  return k;
}

/** The existing instrument with the same normalised manufacturer + serial in this enterprise (R-LED-1). */
export async function findDuplicate(db: Queryable, orgId: number, manufacturerNorm: string, serialNorm: string, exceptId?: number) {
  const [d] = await db
    .select({ id: instruments.id, name: instruments.name, serialNo: instruments.serialNo, manufacturer: instruments.manufacturer, instrumentCode: instruments.instrumentCode })
    .from(instruments)
    .where(and(eq(instruments.enterpriseId, orgId), eq(instruments.manufacturerNorm, manufacturerNorm), eq(instruments.serialNorm, serialNorm)))
    .limit(1);
  return d && d.id !== exceptId ? d : null;
}

export type ExistingInstrument = { id: number; name: string; serialNo: string; manufacturer: string; instrumentCode: string | null };

/** An instrument as its users know it — never by the database id (issue 9 #14). */
export function describeInstrument(d: Omit<ExistingInstrument, "id">): string {
  return `${d.name}（生产厂家 ${d.manufacturer}，出厂编号 ${d.serialNo}${d.instrumentCode ? `，器具编码 ${d.instrumentCode}` : ""}）`;
}

export function duplicateError(d: ExistingInstrument) {
  return new AppError("LEDGER_DUPLICATE", `台账中已有相同生产厂家和出厂编号的器具：${describeInstrument(d)}`, { existingId: d.id });
}
