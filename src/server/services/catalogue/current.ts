import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/open";
import { catalogueItems, catalogueKinds, catalogueVersions } from "@/server/db/schema";

/** The current catalogue: every kind with its item, supervision, purposes and regime (public, SPEC §8). */
export async function currentCatalogue(db: Queryable) {
  const [version] = await db.select().from(catalogueVersions).where(eq(catalogueVersions.isCurrent, true)).limit(1);
  if (!version) return { version: null, kinds: [] };
  const kinds = await db
    .select({
      id: catalogueKinds.id,
      itemId: catalogueItems.id,
      itemName: catalogueItems.name,
      name: catalogueKinds.name,
      supervision: catalogueKinds.supervision,
      purposes: catalogueKinds.purposes,
      regime: catalogueKinds.regime,
      periodMonths: catalogueKinds.periodMonths,
      serviceLifeYears: catalogueKinds.serviceLifeYears,
      notes: catalogueKinds.notes,
    })
    .from(catalogueKinds)
    .innerJoin(catalogueItems, eq(catalogueItems.id, catalogueKinds.itemId))
    .where(eq(catalogueKinds.versionId, version.id))
    .orderBy(asc(catalogueItems.id), asc(catalogueKinds.id));
  return { version: { id: version.id, name: version.name, importedAt: version.importedAt }, kinds };
}
