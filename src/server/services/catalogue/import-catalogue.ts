import "server-only";
import { eq } from "drizzle-orm";
import type { DB } from "@/server/db/open";
import { catalogueItems, catalogueKinds, catalogueVersions } from "@/server/db/schema";
import type { CatalogueKindRow } from "@/server/domain/catalogue/parse-catalogue";
import { type Actor, writeAudit } from "@/server/services/audit";

/**
 * Imports validated catalogue rows as a new version and makes it current (R-CAT-3). Older versions stay,
 * so instruments keep the kind row they point at.
 */
export async function importCatalogue(
  db: DB,
  actor: Actor,
  input: { name: string; note?: string | null; rows: CatalogueKindRow[] },
) {
  return db.transaction(async (tx) => {
    await tx.update(catalogueVersions).set({ isCurrent: false }).where(eq(catalogueVersions.isCurrent, true));
    const [version] = await tx
      .insert(catalogueVersions)
      .values({ name: input.name, note: input.note ?? null, isCurrent: true, importedBy: actor.userId })
      .returning();
    const itemNames = [...new Set(input.rows.map((r) => r.itemName))];
    const items = await tx
      .insert(catalogueItems)
      .values(itemNames.map((name) => ({ versionId: version!.id, name })))
      .returning({ id: catalogueItems.id, name: catalogueItems.name });
    const itemId = new Map(items.map((i) => [i.name, i.id]));
    await tx.insert(catalogueKinds).values(
      input.rows.map((r) => ({
        versionId: version!.id,
        itemId: itemId.get(r.itemName)!,
        name: r.kindName,
        supervision: r.supervision,
        purposes: r.purposes,
        regime: r.regime,
        periodMonths: r.periodMonths,
        serviceLifeYears: r.serviceLifeYears,
        notes: r.notes,
        source: r.source,
      })),
    );
    await writeAudit(tx, actor, {
      action: "catalogue.import",
      entityType: "catalogue_version",
      entityId: version!.id,
      after: { name: input.name, items: itemNames.length, kinds: input.rows.length },
    });
    return { versionId: version!.id, items: itemNames.length, kinds: input.rows.length };
  });
}
