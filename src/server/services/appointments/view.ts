import "server-only";
import { and, asc, eq, inArray, ne, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SignedInCaller } from "@/server/authz/caller";
import type { Queryable } from "@/server/db/open";
import { appointmentItems, appointments, catalogueKinds, instruments, organisations, users } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";

export type AppointmentViewer = "enterprise" | "institution";

/**
 * Which appointments a caller may read: an enterprise its own (drafts included), an institution those made
 * with it (never drafts). Anyone else is refused by role; a record outside the scope is NOT_FOUND (R-SCOPE-4).
 */
export function appointmentScope(caller: Pick<SignedInCaller, "scope">): { viewer: AppointmentViewer; where: SQL } {
  const s = caller.scope;
  if (s.kind === "enterprise") return { viewer: "enterprise", where: eq(appointments.enterpriseId, s.orgId) };
  if (s.kind === "legalInstitution" || s.kind === "authorisedInstitution") {
    return { viewer: "institution", where: and(eq(appointments.institutionId, s.orgId), ne(appointments.state, "draft"))! };
  }
  throw new AppError("FORBIDDEN_ROLE");
}

/** What every appointment row shows first: number, state, method, date and slot. */
export const appointmentHeadColumns = {
  id: appointments.id,
  number: appointments.number,
  state: appointments.state,
  method: appointments.method,
  day: appointments.day,
  slotLabel: appointments.slotLabel,
  slotStart: appointments.slotStart,
  slotEnd: appointments.slotEnd,
};

const institution = alias(organisations, "institution");
const enterprise = alias(organisations, "enterprise");

/**
 * The appointment as both sides see it (issue 10 items 3–5): header, instruments with their state in the
 * appointment, the institution's reasons, and the timeline with who did each step.
 */
export async function appointmentDetail(db: Queryable, caller: Pick<SignedInCaller, "scope">, id: number) {
  const { viewer, where } = appointmentScope(caller);
  const [a] = await db
    .select({
      ...appointmentHeadColumns,
      contactName: appointments.contactName,
      contactPhone: appointments.contactPhone,
      siteAddress: appointments.siteAddress,
      remark: appointments.remark,
      rejectReason: appointments.rejectReason,
      rejectCancelledFilings: appointments.rejectCancelledFilings,
      rescheduleReason: appointments.rescheduleReason,
      submittedAt: appointments.submittedAt,
      history: appointments.history,
      institutionId: appointments.institutionId,
      institutionName: institution.name,
      institutionAddress: institution.address,
      institutionPhone: institution.contactPhone,
      enterpriseName: enterprise.name,
      enterpriseAddress: enterprise.address,
    })
    .from(appointments)
    .innerJoin(institution, eq(institution.id, appointments.institutionId))
    .innerJoin(enterprise, eq(enterprise.id, appointments.enterpriseId))
    .where(and(eq(appointments.id, id), where));
  if (!a) throw notFound();
  const items = await db
    .select({
      id: appointmentItems.id,
      state: appointmentItems.state,
      reason: appointmentItems.reason,
      instrumentId: instruments.id,
      name: instruments.name,
      model: instruments.model,
      serialNo: instruments.serialNo,
      manufacturer: instruments.manufacturer,
      instrumentCode: instruments.instrumentCode,
      kindName: catalogueKinds.name,
    })
    .from(appointmentItems)
    .innerJoin(instruments, eq(instruments.id, appointmentItems.instrumentId))
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .where(eq(appointmentItems.appointmentId, a.id))
    .orderBy(asc(appointmentItems.id));
  const { history, ...header } = a;
  return { viewer, ...header, items, timeline: await namedTimeline(db, history) };
}

/** Timeline steps with the organisation and person who took them, oldest first. */
async function namedTimeline(db: Queryable, history: (typeof appointments.$inferSelect)["history"]) {
  const orgIds = [...new Set(history.flatMap((h) => (h.byOrgId == null ? [] : [h.byOrgId])))];
  const userIds = [...new Set(history.flatMap((h) => (h.byUserId == null ? [] : [h.byUserId])))];
  const [orgs, people] = await Promise.all([
    orgIds.length ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds)) : [],
    userIds.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [],
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const userName = new Map(people.map((u) => [u.id, u.name]));
  return history.map((h) => ({
    at: h.at,
    action: h.action,
    state: h.state ?? null,
    text: h.text ?? null,
    day: h.day ?? null,
    slotLabel: h.slotLabel ?? null,
    instrumentCount: h.instrumentIds?.length ?? null,
    orgName: h.byOrgId == null ? null : (orgName.get(h.byOrgId) ?? null),
    userName: h.byUserId == null ? null : (userName.get(h.byUserId) ?? null),
  }));
}
