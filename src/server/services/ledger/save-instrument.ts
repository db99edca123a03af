import "server-only";
import { eq } from "drizzle-orm";
import type { InstrumentFields } from "@/lib/schemas/ledger";
import type { DB } from "@/server/db/open";
import { instruments } from "@/server/db/schema";
import { decide } from "@/server/domain/ledger/lifecycle";
import { normaliseForDuplicates } from "@/server/domain/ledger/normalise";
import { AppError } from "@/server/errors";
import { type Actor, writeAudit } from "@/server/services/audit";
import { auditView, loadOwnInstrument } from "./load";
import { departmentIds } from "./departments";
import { checkKind, duplicateError, findDuplicate, locationOf } from "./lookups";

const isUniqueViolation = (e: unknown) =>
  (e as { code?: string })?.code === "23505" || (e as { cause?: { code?: string } })?.cause?.code === "23505";

/** Columns of an instrument row from the form's fields (location, department and keys resolved). */
export function rowValues(f: Omit<InstrumentFields, "status">, loc: { countyCode: string; cityCode: string; provinceCode: string }, departmentId: number | null) {
  return {
    name: f.name,
    model: f.model,
    measuringRange: f.measuringRange ?? null,
    accuracyClass: f.accuracyClass ?? null,
    serialNo: f.serialNo,
    ownNo: f.ownNo ?? null,
    manufacturer: f.manufacturer,
    origin: f.origin ?? null,
    installLocation: f.installLocation,
    ...loc,
    purchaseDate: f.purchaseDate ?? null,
    purpose: f.purpose,
    instrumentType: f.instrumentType,
    method: f.method,
    kindId: f.kindId,
    quantity: f.quantity,
    departmentId,
    typeCertNo: f.typeCertNo ?? null,
    tags: f.tags,
    remark: f.remark ?? null,
    manufacturerNorm: normaliseForDuplicates(f.manufacturer),
    serialNorm: normaliseForDuplicates(f.serialNo),
  };
}

/** Add (or copy, R-LED-2) one instrument; duplicates are refused naming the existing record (R-LED-1). */
export async function createInstrument(db: DB, actor: Actor & { orgId: number }, f: InstrumentFields & { copiedFrom?: number }) {
  try {
    return await db.transaction(async (tx) => {
      if (f.copiedFrom) await loadOwnInstrument(tx, actor.orgId, f.copiedFrom);
      await checkKind(tx, f.kindId);
      const loc = await locationOf(tx, f.countyCode);
      const values = rowValues(f, loc, (await departmentIds(tx, actor, [f.department])).get(f.department ?? "") ?? null);
      const dup = await findDuplicate(tx, actor.orgId, values.manufacturerNorm, values.serialNorm);
      if (dup) throw duplicateError(dup);
      const [row] = await tx.insert(instruments).values({ ...values, enterpriseId: actor.orgId, status: f.status }).returning();
      await writeAudit(tx, actor, {
        action: f.copiedFrom ? "instrument.copy" : "instrument.create",
        entityType: "instrument",
        entityId: row!.id,
        after: { ...auditView(row!), copiedFrom: f.copiedFrom ?? undefined },
      });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("LEDGER_DUPLICATE");
    throw e;
  }
}

/** Modify one instrument, only outside a filing or appointment flow (R-LED-2). */
export async function updateInstrument(db: DB, actor: Actor & { orgId: number }, id: number, f: Omit<InstrumentFields, "status">, expectedUpdatedAt?: Date) {
  try {
    return await db.transaction(async (tx) => {
      const before = await loadOwnInstrument(tx, actor.orgId, id, true);
      if (expectedUpdatedAt && before.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw new AppError("CONFLICT");
      const verdict = decide(before, "modify");
      if (!verdict.ok) throw new AppError(verdict.error, verdict.message);
      await checkKind(tx, f.kindId, before.kindId);
      const loc = await locationOf(tx, f.countyCode);
      const values = rowValues(f, loc, (await departmentIds(tx, actor, [f.department])).get(f.department ?? "") ?? null);
      const dup = await findDuplicate(tx, actor.orgId, values.manufacturerNorm, values.serialNorm, id);
      if (dup) throw duplicateError(dup);
      const [row] = await tx.update(instruments).set(values).where(eq(instruments.id, id)).returning();
      await writeAudit(tx, actor, { action: "instrument.update", entityType: "instrument", entityId: id, before: auditView(before), after: auditView(row!) });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("LEDGER_DUPLICATE");
    throw e;
  }
}
