import "server-only";
import { and, desc, eq, ilike, lt, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DispenserFields, dispenserListInput } from "@/lib/schemas/regulator";
import type { RegulatorCaller } from "@/server/authz/caller";
import { locatedRecordScope, organisationScope, type Scope } from "@/server/authz/scope";
import type { DB, Queryable } from "@/server/db/open";
import { escapeLike } from "@/server/db/like";
import { page } from "@/server/db/keyset";
import { catalogueKinds, catalogueVersions, dispenserDetails, instruments, organisations } from "@/server/db/schema";
import { normaliseForDuplicates } from "@/server/domain/ledger/normalise";
import { AppError, notFound } from "@/server/errors";
import { writeAudit } from "@/server/services/audit";
import { describeInstrument, findDuplicate, locationOf } from "@/server/services/ledger/lookups";

/** The catalogue kind dispensers are recorded under (燃油加油机, seed 000 三(四)). */
export const DISPENSER_KIND_NAME = "燃油加油机";
type Caller = Pick<RegulatorCaller, "scope" | "actor">;

const VERSION_COLUMN = {
  mcuVersion: dispenserDetails.mcuVersion,
  encoderVersion: dispenserDetails.encoderVersion,
  antiCheatVersion: dispenserDetails.antiCheatVersion,
} as const;

/** The station (an approved enterprise) in the regulator's region, else NOT_FOUND (R-SCOPE-4). */
export async function stationInScope(db: Queryable, scope: Scope, enterpriseId: number) {
  const [e] = await db
    .select({ id: organisations.id, name: organisations.name, countyCode: organisations.countyCode, kind: organisations.kind, status: organisations.status })
    .from(organisations)
    .where(and(eq(organisations.id, enterpriseId), organisationScope(scope, organisations)));
  if (!e) throw notFound();
  if (e.kind !== "enterprise" || e.status !== "approved" || !e.countyCode) throw new AppError("DISPENSER_NOT_STATION");
  return { ...e, countyCode: e.countyCode };
}

async function dispenserKindId(db: Queryable) {
  const [k] = await db
    .select({ id: catalogueKinds.id })
    .from(catalogueKinds)
    .innerJoin(catalogueVersions, eq(catalogueVersions.id, catalogueKinds.versionId))
    .where(and(eq(catalogueVersions.isCurrent, true), eq(catalogueKinds.name, DISPENSER_KIND_NAME)))
    .limit(1);
  if (!k) throw new AppError("BAD_INPUT", `当前强检目录中没有“${DISPENSER_KIND_NAME}”种别，请先导入目录`);
  return k.id;
}

/**
 * Writes dispensers of one station inside the caller's transaction: each an instrument of the dispenser kind
 * (on-site, trade settlement, in use, at the station's county) plus its dispenser fields. A manufacturer +
 * serial already in the station's ledger (R-LED-1) or twice in the batch is refused with the row named.
 */
export async function insertDispensers(tx: Queryable, caller: Caller, station: { id: number; countyCode: string }, rows: DispenserFields[], label = (i: number) => `第 ${i + 1} 台`) {
  const kindId = await dispenserKindId(tx);
  const loc = await locationOf(tx, station.countyCode);
  const seen = new Map<string, number>();
  const ids: number[] = [];
  for (const [i, f] of rows.entries()) {
    const manufacturerNorm = normaliseForDuplicates(f.manufacturer);
    const serialNorm = normaliseForDuplicates(f.serialNo);
    const key = `${manufacturerNorm}\u0000${serialNorm}`;
    if (seen.has(key)) throw new AppError("DISPENSER_DUPLICATE", `${label(i)}与${label(seen.get(key)!)}的生产厂家和出厂编号相同`);
    seen.set(key, i);
    const dup = await findDuplicate(tx, station.id, manufacturerNorm, serialNorm);
    if (dup) throw new AppError("DISPENSER_DUPLICATE", `${label(i)}：该加油站已登记 ${describeInstrument(dup)}`);
    const [row] = await tx
      .insert(instruments)
      .values({
        enterpriseId: station.id,
        name: DISPENSER_KIND_NAME,
        model: f.model,
        serialNo: f.serialNo,
        manufacturer: f.manufacturer,
        installLocation: f.installLocation ?? "加油区",
        ...loc,
        status: "in_use",
        purpose: "trade",
        method: "on_site",
        kindId,
        manufacturerNorm,
        serialNorm,
        remark: `${f.nozzleCount} 枪`,
      })
      .returning({ id: instruments.id });
    await tx.insert(dispenserDetails).values({
      instrumentId: row!.id,
      enterpriseId: station.id,
      nozzleCount: f.nozzleCount,
      mcuVersion: f.mcuVersion,
      encoderVersion: f.encoderVersion,
      antiCheatVersion: f.antiCheatVersion,
      createdBy: caller.actor.userId,
    });
    ids.push(row!.id);
  }
  return ids;
}

/** 加油机专用录入 (issue 12 item 6): one dispenser for a station in the regulator's region. */
export async function createDispenser(db: DB, caller: Caller, input: DispenserFields & { enterpriseId: number }) {
  return db.transaction(async (tx) => {
    const station = await stationInScope(tx, caller.scope, input.enterpriseId);
    const [id] = await insertDispensers(tx, caller, station, [input], () => "该加油机");
    await writeAudit(tx, caller.actor, {
      action: "dispenser.create",
      entityType: "instrument",
      entityId: id!,
      after: { enterpriseId: station.id, serialNo: input.serialNo, manufacturer: input.manufacturer, mcuVersion: input.mcuVersion, encoderVersion: input.encoderVersion, antiCheatVersion: input.antiCheatVersion },
    });
    return { id: id! };
  });
}

/**
 * 加油机 list: dispensers in the regulator's scope, of one station or all, optionally those whose chosen
 * version differs from a value (e.g. an outdated anti-cheat version: "is distinct from", so a blank differs).
 */
export async function listDispensers(db: Queryable, scope: Scope, input: z.output<typeof dispenserListInput>) {
  if (input.enterpriseId) await stationInScope(db, scope, input.enterpriseId);
  if (input.versionField && !input.versionValue) throw new AppError("REG_FILTER_UNKNOWN", "请填写要比对的版本号");
  const q = input.q ? escapeLike(input.q) : null;
  const rows = await db
    .select({
      id: instruments.id,
      serialNo: instruments.serialNo,
      manufacturer: instruments.manufacturer,
      model: instruments.model,
      installLocation: instruments.installLocation,
      validUntil: instruments.validUntil,
      enterpriseId: instruments.enterpriseId,
      enterpriseName: organisations.name,
      nozzleCount: dispenserDetails.nozzleCount,
      mcuVersion: dispenserDetails.mcuVersion,
      encoderVersion: dispenserDetails.encoderVersion,
      antiCheatVersion: dispenserDetails.antiCheatVersion,
    })
    .from(dispenserDetails)
    .innerJoin(instruments, eq(instruments.id, dispenserDetails.instrumentId))
    .innerJoin(organisations, eq(organisations.id, instruments.enterpriseId))
    .where(
      and(
        locatedRecordScope(scope, instruments),
        input.enterpriseId ? eq(dispenserDetails.enterpriseId, input.enterpriseId) : undefined,
        input.versionField && input.versionValue ? sql`${VERSION_COLUMN[input.versionField]} is distinct from ${input.versionValue}` : undefined,
        q ? or(ilike(instruments.serialNo, q), ilike(instruments.manufacturer, q), ilike(organisations.name, q)) : undefined,
        input.cursor ? lt(dispenserDetails.instrumentId, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(dispenserDetails.instrumentId))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}
