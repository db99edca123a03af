import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { InstitutionCaller } from "@/server/authz/caller";
import type { Queryable } from "@/server/db/open";
import { catalogueItems, catalogueKinds, institutionCapabilities, regions } from "@/server/db/schema";

/** 检定能力维护: an institution sees only its own rows, with the names of its jurisdiction and covered regions. */
export async function listCapabilities(db: Queryable, org: Pick<InstitutionCaller["org"], "id" | "regionCode" | "institutionKind">) {
  const rows = await db
    .select({
      id: institutionCapabilities.id,
      kindId: institutionCapabilities.kindId,
      kindName: catalogueKinds.name,
      itemName: catalogueItems.name,
      supervision: catalogueKinds.supervision,
      method: institutionCapabilities.method,
      regionCodes: institutionCapabilities.regionCodes,
      rangeNote: institutionCapabilities.rangeNote,
      dailyCapacity: institutionCapabilities.dailyCapacity,
      enabled: institutionCapabilities.enabled,
    })
    .from(institutionCapabilities)
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, institutionCapabilities.kindId))
    .innerJoin(catalogueItems, eq(catalogueItems.id, catalogueKinds.itemId))
    .where(eq(institutionCapabilities.institutionId, org.id))
    .orderBy(asc(catalogueItems.name), asc(catalogueKinds.name), asc(institutionCapabilities.method));
  const codes = [...new Set(rows.flatMap((r) => r.regionCodes).concat([org.regionCode]))];
  const names = codes.length ? await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes)) : [];
  const nameOf = (c: string) => names.find((n) => n.code === c)?.name ?? c;
  return {
    jurisdiction: nameOf(org.regionCode),
    institutionKind: org.institutionKind,
    items: rows.map((r) => ({ ...r, regions: r.regionCodes.map((code) => ({ code, name: nameOf(code) })) })),
  };
}
