import "server-only";
import { and, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SupervisionFilter } from "@/lib/schemas/regulator";
import { inRegion, locatedRecordScope, regionFilterOf, type Scope } from "@/server/authz/scope";
import type { Queryable } from "@/server/db/open";
import { escapeLike } from "@/server/db/like";
import { catalogueItems, catalogueKinds, instruments, organisations, regions } from "@/server/db/schema";
import { bucketWhere } from "@/server/domain/filing/buckets";
import { AppError, notFound } from "@/server/errors";

export const bucketCols = { approvedOn: instruments.filingApprovedOn, validUntil: instruments.validUntil, failedSince: instruments.failedSince };
export const enterpriseOrg = alias(organisations, "enterprise");
export const institutionOrg = alias(organisations, "institution");
const sameItem = alias(catalogueItems, "same_item");
const sameItemKind = alias(catalogueKinds, "same_item_kind");

/** A region the caller asks to narrow to: it must exist and lie in the caller's subtree (R-SCOPE-3), else NOT_FOUND. */
export async function regionInScope(db: Queryable, scope: Scope, code: string) {
  if (scope.kind === "regulator" && !code.startsWith(scope.region.code)) throw notFound();
  const [r] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code)).limit(1);
  if (!r) throw notFound();
  return regionFilterOf(code);
}

/**
 * The WHERE clause of 辖区仪器 (issue 12 item 3) for a filter: the caller's scope first, then region, bucket
 * (R-BKT-1…5), catalogue item, purpose, institution and the ledger's own filters. The list and its Excel
 * export share it, so an export is exactly what the list shows. A value that names nothing is a clear
 * error, never an empty list.
 */
export async function supervisionWhere(db: Queryable, scope: Scope, f: SupervisionFilter, today: string): Promise<SQL> {
  const parts: (SQL | undefined)[] = [locatedRecordScope(scope, instruments)];
  if (f.region) parts.push(inRegion(instruments, await regionInScope(db, scope, f.region)));
  if (f.bucket !== "all") parts.push(bucketWhere(f.bucket, today, bucketCols));
  if (f.item) {
    const [item] = await db.select({ name: catalogueItems.name }).from(catalogueItems).where(eq(catalogueItems.id, f.item)).limit(1);
    if (!item) throw new AppError("REG_FILTER_UNKNOWN", "所选项别不存在，请从列表中选择");
    // The same 项别 in every catalogue version (R-CAT-3), as filing candidates match it.
    parts.push(
      inArray(
        instruments.kindId,
        db.select({ id: sameItemKind.id }).from(sameItemKind).innerJoin(sameItem, eq(sameItem.id, sameItemKind.itemId)).where(eq(sameItem.name, item.name)),
      ),
    );
  }
  if (f.institution) {
    const [inst] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, f.institution), eq(organisations.kind, "institution"))).limit(1);
    if (!inst) throw new AppError("REG_FILTER_UNKNOWN", "所选检定机构不存在，请从列表中选择");
    parts.push(eq(instruments.institutionId, f.institution));
  }
  if (f.kindId) parts.push(eq(instruments.kindId, f.kindId));
  if (f.purpose) parts.push(eq(instruments.purpose, f.purpose));
  if (f.status) parts.push(eq(instruments.status, f.status));
  if (f.filingStatus) parts.push(eq(instruments.filingStatus, f.filingStatus));
  if (f.q) {
    const p = escapeLike(f.q);
    parts.push(
      or(
        ilike(instruments.name, p),
        ilike(instruments.serialNo, p),
        ilike(instruments.instrumentCode, p),
        ilike(instruments.manufacturer, p),
        // Every query using this clause joins the enterprise as `enterpriseOrg`.
        ilike(enterpriseOrg.name, p),
      ),
    );
  }
  return and(...parts) as SQL;
}
