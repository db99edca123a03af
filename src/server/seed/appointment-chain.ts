import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type AppointmentItemState, type AppointmentState, type Method, type Verdict, SLOT_HOLDING_STATES } from "@/lib/vocab";
import { addDays, chinaToday } from "@/lib/china-day";
import type { Tx } from "@/server/db/open";
import { appointmentItems, appointments, appointmentSlots, catalogueKinds, instruments, results, slotUsage, type AppointmentHistoryEntry } from "@/server/db/schema";
import { appointmentNumber, methodLetter } from "@/server/domain/appointments/transitions";
import { defaultValidUntil } from "@/server/domain/results/validity";
import { issueDocuments } from "@/server/services/certificates/issue";
import { SYSTEM_ACTOR } from "@/server/services/audit";
import { nextNumber } from "@/server/services/numbering/next-number";

export type ChainSpec = {
  enterpriseId: number;
  institutionId: number;
  method: Method;
  instrumentIds: number[];
  state: AppointmentState;
  /** The appointment's date. */
  day: string;
  enterpriseUserId?: number | null;
  institutionUserId?: number | null;
  rejectReason?: string;
  /** Completed appointments: one verdict per instrument (default pass), with an optional unpaid fee. */
  outcomes?: { verdict: Verdict; feeCents?: number; feeNote?: string }[];
};

export type Chain = { appointmentId: number; number: string | null; itemIds: number[]; resultIds: number[]; certificateIds: number[] };

const ITEM_STATE: Record<AppointmentState, AppointmentItemState> = {
  draft: "booked",
  submitted: "booked",
  confirmed: "booked",
  rescheduled: "booked",
  rejected: "cancelled",
  received: "received",
  completed: "done",
  cancelled: "cancelled",
};

/**
 * Writes one appointment as the workflow would have left it in `spec.state` (demo data and test fixtures,
 * issue 10): items, the instruments' flow state, places taken in the slot, the timeline, and for completed
 * appointments results with their certificates or fail notices through the real issuing service.
 */
export async function seedAppointmentChain(tx: Tx, spec: ChainSpec): Promise<Chain> {
  const [slot] = await tx.select().from(appointmentSlots).where(eq(appointmentSlots.institutionId, spec.institutionId)).orderBy(asc(appointmentSlots.startTime)).limit(1);
  if (!slot) throw new Error("seedAppointmentChain: the institution has no slots");
  // Steps before the appointment day happened in the past: for an appointment still ahead they are dated
  // from today backwards, never after today (the timeline and the number's date stay believable).
  const today = chinaToday();
  const before = (n: number) => (spec.day > today ? addDays(today, -n + 1) : addDays(spec.day, -n));
  const submittedOn = before(3);
  const number = spec.state === "draft" ? null : appointmentNumber(spec.method, submittedOn, await nextNumber(tx, "appointment", methodLetter(spec.method), submittedOn));
  const at = (day: string, time = "09:00") => new Date(`${day}T${time}:00+08:00`).toISOString();
  const ent = { byOrgId: spec.enterpriseId, byUserId: spec.enterpriseUserId ?? null };
  const inst = { byOrgId: spec.institutionId, byUserId: spec.institutionUserId ?? null };
  const history: AppointmentHistoryEntry[] = [{ at: at(before(4), "08:45"), action: "created", state: "draft", ...ent }];
  const reached = (s: AppointmentState) => spec.state === s;
  if (!reached("draft")) history.push({ at: at(submittedOn), action: "submitted", state: "submitted", ...ent });
  if (reached("rejected")) history.push({ at: at(before(2), "10:00"), action: "rejected", state: "rejected", ...inst, text: spec.rejectReason ?? "该时段检定人员外出，请改约其他日期" });
  if (["confirmed", "received", "completed"].includes(spec.state)) history.push({ at: at(before(2), "10:00"), action: "confirmed", state: "confirmed", ...inst });
  if (reached("received") || reached("completed")) history.push({ at: at(spec.day, "09:30"), action: "received", state: "received", ...inst, instrumentIds: spec.instrumentIds });
  if (reached("completed")) history.push({ at: at(spec.day, "16:00"), action: "completed", state: "completed", ...inst });

  const holding = (SLOT_HOLDING_STATES as readonly string[]).includes(spec.state);
  const [a] = await tx
    .insert(appointments)
    .values({
      number,
      enterpriseId: spec.enterpriseId,
      institutionId: spec.institutionId,
      method: spec.method,
      state: spec.state,
      day: spec.day,
      slotId: slot.id,
      slotLabel: slot.label,
      slotStart: slot.startTime,
      slotEnd: slot.endTime,
      instrumentCount: holding ? spec.instrumentIds.length : 0,
      contactName: "计量管理员（示例）",
      contactPhone: "13800000000",
      rejectReason: reached("rejected") ? (spec.rejectReason ?? "该时段检定人员外出，请改约其他日期") : null,
      createdBy: spec.enterpriseUserId ?? null,
      submittedAt: reached("draft") ? null : new Date(at(submittedOn)),
      confirmedAt: ["confirmed", "received", "completed"].includes(spec.state) ? new Date(at(before(2), "10:00")) : null,
      receivedAt: reached("received") || reached("completed") ? new Date(at(spec.day, "09:30")) : null,
      completedAt: reached("completed") ? new Date(at(spec.day, "16:00")) : null,
      history,
    })
    .returning({ id: appointments.id });
  const itemState = ITEM_STATE[spec.state];
  const items = await tx
    .insert(appointmentItems)
    .values(
      spec.instrumentIds.map((instrumentId) => ({
        appointmentId: a!.id,
        instrumentId,
        enterpriseId: spec.enterpriseId,
        state: itemState,
        receivedAt: itemState === "received" || itemState === "done" ? new Date(at(spec.day, "09:30")) : null,
        receivedBy: itemState === "received" || itemState === "done" ? (spec.institutionUserId ?? null) : null,
        closedAt: itemState === "cancelled" || itemState === "done" ? new Date() : null,
      })),
    )
    .returning({ id: appointmentItems.id, instrumentId: appointmentItems.instrumentId });
  if (itemState === "booked" || itemState === "received") {
    await tx.update(instruments).set({ flowStatus: "appointment" }).where(inArray(instruments.id, spec.instrumentIds));
  }
  if (holding) {
    await tx
      .insert(slotUsage)
      .values({ institutionId: spec.institutionId, day: spec.day, slotId: slot.id, method: spec.method, used: spec.instrumentIds.length })
      .onConflictDoUpdate({ target: [slotUsage.institutionId, slotUsage.day, slotUsage.slotId, slotUsage.method], set: { used: sql`${slotUsage.used} + ${spec.instrumentIds.length}` } });
  }

  let resultIds: number[] = [];
  let certificateIds: number[] = [];
  if (reached("completed")) {
    const rules = await tx
      .select({ id: instruments.id, regime: catalogueKinds.regime, periodMonths: catalogueKinds.periodMonths, serviceLifeYears: catalogueKinds.serviceLifeYears })
      .from(instruments)
      .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
      .where(inArray(instruments.id, spec.instrumentIds));
    const rows = await tx
      .insert(results)
      .values(
        items.map((item, i) => {
          const o = spec.outcomes?.[i] ?? { verdict: "pass" as const };
          const rule = rules.find((r) => r.id === item.instrumentId)!;
          return {
            appointmentItemId: item.id,
            appointmentId: a!.id,
            instrumentId: item.instrumentId,
            enterpriseId: spec.enterpriseId,
            institutionId: spec.institutionId,
            verdict: o.verdict,
            verifiedOn: spec.day,
            validUntil: o.verdict === "pass" ? defaultValidUntil(rule, spec.day) : null,
            verifier: "李检定（示例）",
            checker: "王核验（示例）",
            approver: "陈批准（示例）",
            conclusion: o.verdict === "pass" ? "符合检定规程要求" : "示值误差超出最大允许误差",
            feeCents: o.feeCents ?? null,
            feeNote: o.feeNote ?? null,
            recordedBy: spec.institutionUserId ?? null,
          };
        }),
      )
      .returning({ id: results.id });
    resultIds = rows.map((r) => r.id);
    const actor = { ...SYSTEM_ACTOR, userId: spec.institutionUserId ?? null, orgId: spec.institutionId };
    certificateIds = (await issueDocuments(tx, actor, resultIds, spec.day)).map((d) => d.id);
    await tx.update(instruments).set({ flowStatus: null }).where(and(inArray(instruments.id, spec.instrumentIds)));
  }
  return { appointmentId: a!.id, number, itemIds: items.map((i) => i.id), resultIds, certificateIds };
}
