import "server-only";
import { and, asc, desc, eq, ilike, inArray, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { taskListInput, taskMoveInput, taskTargetsInput } from "@/lib/schemas/regulator";
import type { RegulatorCaller } from "@/server/authz/caller";
import { locatedRecordScope, organisationScope, type Scope } from "@/server/authz/scope";
import type { DB, Queryable } from "@/server/db/open";
import { escapeLike } from "@/server/db/like";
import { page } from "@/server/db/keyset";
import {
  appointmentItems, appointments, catalogueKinds, filings, instruments, organisations, slotUsage,
  type AppointmentHistoryEntry, type FilingHistoryEntry,
} from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { notifyEvent } from "@/server/notify/events";
import { writeAudit } from "@/server/services/audit";
import { ensureSlotRows } from "@/server/services/appointments/settings";
import { loadCandidates, routeFor } from "@/server/services/filing/candidates";

/**
 * 检定任务分配 (issue 12 item 5): a regulator moves a pending filing or an open appointment in its scope to
 * another institution that has the capability for the instrument's kind and method and covers where it is
 * (the filing candidates' rule, R-FIL-1), and that lies in the regulator's region.
 *
 * Appointment moves keep the date; the places are released at the old institution's slot and taken at the
 * target's first slot of that day (slot_usage), and the appointment goes back to 已提交 so the target
 * confirms it or reschedules it with its own calendar — the regulator's order is not refused for a full
 * slot, the target decides.
 */
type Caller = Pick<RegulatorCaller, "scope" | "actor" | "org">;

const enterpriseOrg = alias(organisations, "enterprise");
const holderOrg = alias(organisations, "holder");
const assignedOrg = alias(organisations, "assigned");
const MOVABLE_FILING = ["pending", "assigned"] as const;
const MOVABLE_APPOINTMENT = ["submitted", "confirmed", "rescheduled"] as const;

/** Pending filings (待审核 / 待确认) of instruments in the regulator's scope, newest first. */
export async function listTaskFilings(db: Queryable, scope: Scope, input: z.output<typeof taskListInput>) {
  const q = input.q ? escapeLike(input.q) : null;
  const rows = await db
    .select({
      id: filings.id,
      state: filings.state,
      submittedAt: filings.submittedAt,
      instrumentId: instruments.id,
      instrumentName: instruments.name,
      serialNo: instruments.serialNo,
      method: instruments.method,
      kindName: catalogueKinds.name,
      enterpriseName: enterpriseOrg.name,
      institutionName: holderOrg.name,
      assignedName: assignedOrg.name,
    })
    .from(filings)
    .innerJoin(instruments, eq(instruments.id, filings.instrumentId))
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, filings.enterpriseId))
    .innerJoin(holderOrg, eq(holderOrg.id, filings.institutionId))
    .leftJoin(assignedOrg, eq(assignedOrg.id, filings.assignedInstitutionId))
    .where(
      and(
        inArray(filings.state, [...MOVABLE_FILING]),
        locatedRecordScope(scope, instruments),
        input.cursor ? lt(filings.id, input.cursor) : undefined,
        q ? or(ilike(instruments.name, q), ilike(instruments.serialNo, q), ilike(enterpriseOrg.name, q)) : undefined,
      ),
    )
    .orderBy(desc(filings.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}

/** Open appointments (已提交 / 已确认 / 已改期, not yet received) of enterprises in the regulator's region. */
export async function listTaskAppointments(db: Queryable, scope: Scope, input: z.output<typeof taskListInput>) {
  const q = input.q ? escapeLike(input.q) : null;
  const rows = await db
    .select({
      id: appointments.id,
      number: appointments.number,
      state: appointments.state,
      method: appointments.method,
      day: appointments.day,
      slotLabel: appointments.slotLabel,
      instrumentCount: appointments.instrumentCount,
      enterpriseName: enterpriseOrg.name,
      institutionName: holderOrg.name,
    })
    .from(appointments)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, appointments.enterpriseId))
    .innerJoin(holderOrg, eq(holderOrg.id, appointments.institutionId))
    .where(
      and(
        inArray(appointments.state, [...MOVABLE_APPOINTMENT]),
        organisationScope(scope, enterpriseOrg),
        input.cursor ? lt(appointments.id, input.cursor) : undefined,
        q ? or(ilike(appointments.number, q), ilike(enterpriseOrg.name, q)) : undefined,
      ),
    )
    .orderBy(desc(appointments.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}

type Located = { id: number; kindId: number; method: "send_in" | "on_site"; provinceCode: string; cityCode: string; countyCode: string };

/** Institutions in the regulator's region with the capability for every instrument (kind, method, location). */
async function eligibleTargets(db: Queryable, scope: Scope, located: Located[], exceptId: number) {
  const candidates = await loadCandidates(db, [...new Set(located.map((i) => i.kindId))]);
  const perInstrument = located.map((i) => new Set(routeFor(candidates, i).eligible.map((c) => c.id)));
  const first: number[] = perInstrument.length ? [...perInstrument[0]!] : [];
  const wanted = first.filter((id) => id !== exceptId && perInstrument.every((s) => s.has(id)));
  if (wanted.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name, level: organisations.level, institutionKind: organisations.institutionKind })
    .from(organisations)
    .where(and(inArray(organisations.id, wanted), organisationScope(scope, organisations)))
    .orderBy(asc(organisations.level), asc(organisations.id));
}

const locatedCols = { id: instruments.id, kindId: instruments.kindId, method: instruments.method, provinceCode: instruments.provinceCode, cityCode: instruments.cityCode, countyCode: instruments.countyCode };

async function loadFiling(db: Queryable, scope: Scope, id: number, lock: boolean) {
  const q = db
    .select({ f: filings, i: locatedCols })
    .from(filings)
    .innerJoin(instruments, eq(instruments.id, filings.instrumentId))
    .where(and(eq(filings.id, id), locatedRecordScope(scope, instruments)));
  const [r] = lock ? await q.for("update") : await q;
  if (!r) throw notFound();
  return r;
}

async function loadAppointment(db: Queryable, scope: Scope, id: number, lock: boolean) {
  const q = db
    .select({ a: appointments })
    .from(appointments)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, appointments.enterpriseId))
    .where(and(eq(appointments.id, id), organisationScope(scope, enterpriseOrg)));
  const [r] = lock ? await q.for("update", { of: appointments }) : await q;
  if (!r) throw notFound();
  const items = await db
    .select({ itemId: appointmentItems.id, ...locatedCols })
    .from(appointmentItems)
    .innerJoin(instruments, eq(instruments.id, appointmentItems.instrumentId))
    .where(and(eq(appointmentItems.appointmentId, id), eq(appointmentItems.state, "booked")));
  // The appointment's method decides, not the ledger's default method.
  return { a: r.a, items: items.map((i) => ({ ...i, method: r.a.method })) };
}

/** The institutions a task may move to (for the dialog); the move checks again. */
export async function taskTargets(db: Queryable, scope: Scope, input: z.output<typeof taskTargetsInput>) {
  if (input.kind === "filing") {
    const { f, i } = await loadFiling(db, scope, input.id, false);
    return eligibleTargets(db, scope, [i], f.assignedInstitutionId ?? f.institutionId);
  }
  const { a, items } = await loadAppointment(db, scope, input.id, false);
  return eligibleTargets(db, scope, items, a.institutionId);
}

/** The target must be an approved institution in the regulator's region, and eligible for every instrument. */
async function checkTarget(tx: Queryable, scope: Scope, targetId: number, holderId: number, located: Located[]) {
  const [t] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, targetId), eq(organisations.kind, "institution"), eq(organisations.status, "approved"), organisationScope(scope, organisations)));
  if (!t) throw new AppError("TASK_TARGET_OUTSIDE");
  if (targetId === holderId) throw new AppError("TASK_SAME_INSTITUTION");
  const eligible = await eligibleTargets(tx, scope, located, holderId);
  if (!eligible.some((e) => e.id === targetId)) throw new AppError("TASK_TARGET_NO_CAPABILITY");
  return t;
}

export async function moveTask(db: DB, caller: Caller, input: z.output<typeof taskMoveInput>) {
  return input.kind === "filing" ? moveFiling(db, caller, input) : moveAppointment(db, caller, input);
}

async function moveFiling(db: DB, caller: Caller, input: z.output<typeof taskMoveInput>) {
  return db.transaction(async (tx) => {
    const { f, i } = await loadFiling(tx, caller.scope, input.id, true);
    if (f.state !== "pending" && f.state !== "assigned") throw new AppError("TASK_NOT_MOVABLE");
    const holderId = f.assignedInstitutionId ?? f.institutionId;
    await checkTarget(tx, caller.scope, input.targetInstitutionId, holderId, [i]);
    const entry: FilingHistoryEntry = {
      at: new Date().toISOString(),
      action: "transfer",
      byOrgId: caller.actor.orgId,
      byUserId: caller.actor.userId,
      toOrgId: input.targetInstitutionId,
      text: input.reason,
    };
    // 待审核 moves its reviewer; 待确认 moves the institution it was assigned to. The state stays.
    await tx
      .update(filings)
      .set({
        ...(f.state === "pending" ? { institutionId: input.targetInstitutionId } : { assignedInstitutionId: input.targetInstitutionId }),
        history: sql`${filings.history} || ${JSON.stringify([entry])}::jsonb`,
      })
      .where(eq(filings.id, f.id));
    await tx.update(instruments).set({ institutionId: input.targetInstitutionId }).where(eq(instruments.id, i.id));
    await writeAudit(tx, caller.actor, {
      action: "filing.transfer",
      entityType: "filing",
      entityId: f.id,
      before: { state: f.state, institutionId: holderId },
      after: { state: f.state, institutionId: input.targetInstitutionId, reason: input.reason },
    });
    await notifyEvent(tx, {
      kind: "task_assigned",
      orgId: input.targetInstitutionId,
      data: { taskTitle: `器具备案审核（转派）：${input.reason}`, regulatorName: caller.org.name },
    });
    return { id: f.id, institutionId: input.targetInstitutionId };
  });
}

async function moveAppointment(db: DB, caller: Caller, input: z.output<typeof taskMoveInput>) {
  return db.transaction(async (tx) => {
    const { a, items } = await loadAppointment(tx, caller.scope, input.id, true);
    if (!(MOVABLE_APPOINTMENT as readonly string[]).includes(a.state) || items.length === 0) throw new AppError("TASK_NOT_MOVABLE");
    const target = await checkTarget(tx, caller.scope, input.targetInstitutionId, a.institutionId, items);
    const count = a.instrumentCount;
    // Release the places at the old institution's slot …
    await tx
      .update(slotUsage)
      .set({ used: sql`greatest(${slotUsage.used} - ${count}, 0)` })
      .where(and(eq(slotUsage.institutionId, a.institutionId), eq(slotUsage.day, a.day), eq(slotUsage.slotId, a.slotId), eq(slotUsage.method, a.method)));
    // … and take them at the target's first slot of the same day.
    const [slot] = await ensureSlotRows(tx, target.id);
    if (!slot) throw new AppError("TASK_TARGET_NO_CAPABILITY");
    await tx
      .insert(slotUsage)
      .values({ institutionId: target.id, day: a.day, slotId: slot.id, method: a.method, used: count })
      .onConflictDoUpdate({ target: [slotUsage.institutionId, slotUsage.day, slotUsage.slotId, slotUsage.method], set: { used: sql`${slotUsage.used} + ${count}` } });
    const entry: AppointmentHistoryEntry = {
      at: new Date().toISOString(),
      action: "transferred",
      state: "submitted",
      byOrgId: caller.actor.orgId,
      byUserId: caller.actor.userId,
      text: `转派至${target.name}：${input.reason}（待新机构确认或改期）`,
      day: a.day,
      slotLabel: slot.label,
      instrumentIds: items.map((i) => i.id),
    };
    await tx
      .update(appointments)
      .set({
        institutionId: target.id,
        slotId: slot.id,
        slotLabel: slot.label,
        slotStart: slot.startTime,
        slotEnd: slot.endTime,
        state: "submitted",
        confirmedAt: null,
        history: sql`${appointments.history} || ${JSON.stringify([entry])}::jsonb`,
      })
      .where(eq(appointments.id, a.id));
    // The instruments are now with the target (as an assigned filing moves them), so it sees them in scope.
    await tx.update(instruments).set({ institutionId: target.id }).where(inArray(instruments.id, items.map((i) => i.id)));
    await writeAudit(tx, caller.actor, {
      action: "appointment.transfer",
      entityType: "appointment",
      entityId: a.id,
      before: { state: a.state, institutionId: a.institutionId, slotId: a.slotId },
      after: { state: "submitted", institutionId: target.id, slotId: slot.id, reason: input.reason },
    });
    await notifyEvent(tx, {
      kind: "task_assigned",
      orgId: target.id,
      data: { taskTitle: `预约 ${a.number ?? ""} 转由本机构受理：${input.reason}`, regulatorName: caller.org.name },
    });
    return { id: a.id, institutionId: target.id };
  });
}
