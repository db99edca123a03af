import { asc, eq, inArray } from "drizzle-orm";
import { catalogueItems, catalogueKinds, institutionCapabilities, regions } from "@/server/db/schema";
import { capabilityEnableInput, capabilityIdInput, capabilityInput } from "@/lib/schemas/filing";
import { removeCapability, saveCapability, setCapabilityEnabled } from "@/server/services/filing/save-capability";
import { roleProcedure, router } from "../../trpc";
import { institutionOf } from "./context";

const institution = roleProcedure("institution");

/** 检定能力维护: an institution sees and edits only its own rows. */
export const capabilityRouter = router({
  list: institution.query(async ({ ctx }) => {
    const me = institutionOf(ctx);
    const rows = await ctx.db
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
      .where(eq(institutionCapabilities.institutionId, me.orgId))
      .orderBy(asc(catalogueItems.name), asc(catalogueKinds.name), asc(institutionCapabilities.method));
    const codes = [...new Set(rows.flatMap((r) => r.regionCodes).concat(me.regionCode ? [me.regionCode] : []))];
    const names = codes.length ? await ctx.db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes)) : [];
    const nameOf = (c: string) => names.find((n) => n.code === c)?.name ?? c;
    return {
      jurisdiction: me.regionCode ? nameOf(me.regionCode) : null,
      institutionKind: me.institutionKind,
      items: rows.map((r) => ({ ...r, regions: r.regionCodes.map((code) => ({ code, name: nameOf(code) })) })),
    };
  }),
  save: institution.input(capabilityInput).mutation(({ ctx, input }) => saveCapability(ctx.db, institutionOf(ctx), input)),
  setEnabled: institution.input(capabilityEnableInput).mutation(({ ctx, input }) => setCapabilityEnabled(ctx.db, institutionOf(ctx), input.id, input.enabled)),
  remove: institution.input(capabilityIdInput).mutation(({ ctx, input }) => removeCapability(ctx.db, institutionOf(ctx), input.id)),
});
