import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { DB } from "@/server/db/open";
import { catalogueKinds, institutionCapabilities, regions } from "@/server/db/schema";
import type { capabilityInput } from "@/lib/schemas/filing";
import { AppError } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";

export type CapabilityOwner = Actor & { orgId: number; regionCode: string | null; institutionKind: "legal" | "authorised" | null };

/** 检定能力维护 (SPEC §7): create or update one row; regions must exist and lie in the institution's region. */
export function saveCapability(db: DB, owner: CapabilityOwner, input: z.infer<typeof capabilityInput>) {
  return db.transaction(async (tx) => {
    const [kind] = await tx.select({ supervision: catalogueKinds.supervision }).from(catalogueKinds).where(eq(catalogueKinds.id, input.kindId));
    if (!kind) throw new AppError("NOT_FOUND");
    if (kind.supervision === "P") throw new AppError("CAPABILITY_KIND_NOT_VERIFIABLE");
    const codes = [...new Set(input.regionCodes)];
    if (owner.institutionKind !== "legal" && codes.length === 0) throw new AppError("CAPABILITY_REGION_REQUIRED");
    if (codes.some((c) => !owner.regionCode || !c.startsWith(owner.regionCode))) throw new AppError("CAPABILITY_REGION_OUTSIDE");
    if (codes.length) {
      const known = await tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
      if (known.length !== codes.length) throw new AppError("BAD_INPUT", "覆盖区域中有不存在的行政区划代码");
    }
    const values = {
      kindId: input.kindId,
      method: input.method,
      regionCodes: codes,
      rangeNote: input.rangeNote || null,
      dailyCapacity: input.dailyCapacity ?? null,
      enabled: input.enabled,
    };
    const [clash] = await tx
      .select({ id: institutionCapabilities.id })
      .from(institutionCapabilities)
      .where(and(eq(institutionCapabilities.institutionId, owner.orgId), eq(institutionCapabilities.kindId, input.kindId), eq(institutionCapabilities.method, input.method)));
    if (clash && clash.id !== input.id) throw new AppError("CAPABILITY_DUPLICATE");
    if (input.id) {
      const [before] = await tx
        .select()
        .from(institutionCapabilities)
        .where(and(eq(institutionCapabilities.id, input.id), eq(institutionCapabilities.institutionId, owner.orgId)))
        .for("update");
      if (!before) throw new AppError("NOT_FOUND");
      await tx.update(institutionCapabilities).set(values).where(eq(institutionCapabilities.id, input.id));
      await writeAudit(tx, owner, { action: "capability.update", entityType: "capability", entityId: input.id, before, after: values });
      return { id: input.id };
    }
    const [row] = await tx.insert(institutionCapabilities).values({ ...values, institutionId: owner.orgId }).returning({ id: institutionCapabilities.id });
    await writeAudit(tx, owner, { action: "capability.create", entityType: "capability", entityId: row!.id, after: values });
    return { id: row!.id };
  });
}

export function setCapabilityEnabled(db: DB, owner: CapabilityOwner, id: number, enabled: boolean) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(institutionCapabilities)
      .set({ enabled })
      .where(and(eq(institutionCapabilities.id, id), eq(institutionCapabilities.institutionId, owner.orgId)))
      .returning({ id: institutionCapabilities.id });
    if (!row) throw new AppError("NOT_FOUND");
    await writeAudit(tx, owner, { action: enabled ? "capability.enable" : "capability.disable", entityType: "capability", entityId: id, after: { enabled } });
    return row;
  });
}

export function removeCapability(db: DB, owner: CapabilityOwner, id: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(institutionCapabilities)
      .where(and(eq(institutionCapabilities.id, id), eq(institutionCapabilities.institutionId, owner.orgId)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    await writeAudit(tx, owner, { action: "capability.delete", entityType: "capability", entityId: id, before: row });
    return { id };
  });
}
