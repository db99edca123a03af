import "server-only";
import { and, asc, desc, eq, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { chinaToday } from "@/lib/china-day";
import type { supervisionListInput, warningListInput } from "@/lib/schemas/regulator";
import { organisationScope, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { page } from "@/server/db/keyset";
import { catalogueItems, catalogueKinds, catalogueVersions, instruments, organisations, regions } from "@/server/db/schema";
import { headlineBucket } from "@/server/domain/filing/buckets";
import { enterpriseOrg, institutionOrg, supervisionWhere } from "./supervision-filter";

const county = alias(regions, "county");

export const supervisionColumns = {
  id: instruments.id,
  name: instruments.name,
  model: instruments.model,
  serialNo: instruments.serialNo,
  manufacturer: instruments.manufacturer,
  instrumentCode: instruments.instrumentCode,
  purpose: instruments.purpose,
  status: instruments.status,
  filingStatus: instruments.filingStatus,
  approvedOn: instruments.filingApprovedOn,
  validUntil: instruments.validUntil,
  failedSince: instruments.failedSince,
  installLocation: instruments.installLocation,
  kindName: catalogueKinds.name,
  itemName: catalogueItems.name,
  countyName: county.name,
  enterpriseId: instruments.enterpriseId,
  enterpriseName: enterpriseOrg.name,
  institutionName: institutionOrg.name,
};

/** The joins every supervision read uses (the filter's `q` searches the enterprise's name). */
export function supervisionFrom<T extends Record<string, unknown>>(db: Queryable, columns: T) {
  return db
    .select(columns as never)
    .from(instruments)
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .innerJoin(catalogueItems, eq(catalogueItems.id, catalogueKinds.itemId))
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, instruments.enterpriseId))
    .leftJoin(institutionOrg, eq(institutionOrg.id, instruments.institutionId))
    .leftJoin(county, eq(county.code, instruments.countyCode));
}

export type SupervisionRow = {
  id: number; name: string; model: string; serialNo: string; manufacturer: string; instrumentCode: string | null;
  purpose: (typeof instruments.$inferSelect)["purpose"]; status: (typeof instruments.$inferSelect)["status"];
  filingStatus: (typeof instruments.$inferSelect)["filingStatus"]; approvedOn: string | null; validUntil: string | null; failedSince: string | null;
  installLocation: string; kindName: string; itemName: string; countyName: string | null; enterpriseId: number; enterpriseName: string; institutionName: string | null;
};

/** 辖区仪器 (issue 12 item 3): one keyset page of the instruments in the caller's scope that match the filter. */
export async function listSupervisionInstruments(db: Queryable, scope: Scope, input: z.output<typeof supervisionListInput>) {
  const today = chinaToday();
  const where = await supervisionWhere(db, scope, input, today);
  const rows = (await supervisionFrom(db, supervisionColumns)
    .where(and(where, input.cursor ? lt(instruments.id, input.cursor) : undefined))
    .orderBy(desc(instruments.id))
    .limit(input.limit + 1)) as unknown as SupervisionRow[];
  const { items, nextCursor } = page(rows, input.limit);
  return { today, nextCursor, items: items.map((r) => ({ ...r, bucket: headlineBucket(r, today) })) };
}

/**
 * 预警 (issue 12 item 3): overdue, invalid or failed instruments with the enterprise's contact — the
 * organisation's registered phone and e-mail, which the regulator may see; nothing about its people.
 */
export async function listWarnings(db: Queryable, scope: Scope, input: z.output<typeof warningListInput>) {
  const today = chinaToday();
  const where = await supervisionWhere(db, scope, { bucket: input.bucket, region: input.region, q: input.q }, today);
  const rows = (await supervisionFrom(db, {
    ...supervisionColumns,
    enterprisePhone: enterpriseOrg.contactPhone,
    enterpriseEmail: enterpriseOrg.contactEmail,
    enterpriseAddress: enterpriseOrg.address,
  })
    .where(and(where, input.cursor ? lt(instruments.id, input.cursor) : undefined))
    .orderBy(desc(instruments.id))
    .limit(input.limit + 1)) as unknown as (SupervisionRow & { enterprisePhone: string | null; enterpriseEmail: string | null; enterpriseAddress: string | null })[];
  const { items, nextCursor } = page(rows, input.limit);
  return { today, nextCursor, items: items.map((r) => ({ ...r, bucket: headlineBucket(r, today) })) };
}

/** The filter drop-downs: 项别 of the current catalogue and the institutions located in the caller's region. */
export async function supervisionOptions(db: Queryable, scope: Scope) {
  const items = await db
    .select({ id: catalogueItems.id, name: catalogueItems.name })
    .from(catalogueItems)
    .innerJoin(catalogueVersions, eq(catalogueVersions.id, catalogueItems.versionId))
    .where(eq(catalogueVersions.isCurrent, true))
    .orderBy(asc(catalogueItems.id));
  const institutions = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "institution"), eq(organisations.status, "approved"), organisationScope(scope, organisations)))
    .orderBy(asc(organisations.id))
    .limit(500);
  return { items, institutions };
}
