import "server-only";
import { and, desc, eq, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { chinaToday } from "@/lib/china-day";
import type { bookingCandidatesInput, bookingListInput, splitInput } from "@/lib/schemas/booking";
import type { EnterpriseCaller } from "@/server/authz/caller";
import type { Queryable } from "@/server/db/open";
import { escapeLike } from "@/server/db/like";
import { page } from "@/server/db/keyset";
import { appointmentItems, appointments, catalogueKinds, departments, instruments, organisations } from "@/server/db/schema";
import { bucketWhere, headlineBucket } from "@/server/domain/filing/buckets";
import { assertBookable, splitByInstitutionAndMethod } from "@/server/domain/appointments/transitions";
import { AppError, notFound } from "@/server/errors";
import { bookable, loadOwnInstruments } from "./booking-load";

type Scope = EnterpriseCaller["scope"];
export const bucketCols = { approvedOn: instruments.filingApprovedOn, validUntil: instruments.validUntil, failedSince: instruments.failedSince };

/**
 * R-APT-1 in SQL, the twin of `assertBookable`: in use or new, not in a filing or an open appointment, filed
 * or verified before (R-FIL-5), with an institution.
 */
export const bookableWhere = (): SQL =>
  and(
    inArray(instruments.status, ["new", "in_use"]),
    isNull(instruments.flowStatus),
    isNotNull(instruments.institutionId),
    or(eq(instruments.filingStatus, "filed"), isNotNull(instruments.certificateNo), isNotNull(instruments.validUntil)),
  ) as SQL;

/** 新建预约: the enterprise's bookable instruments, with the ledger's filters, newest first. */
export async function listBookingCandidates(db: Queryable, scope: Scope, input: z.infer<typeof bookingCandidatesInput>) {
  const today = chinaToday();
  const parts: (SQL | undefined)[] = [eq(instruments.enterpriseId, scope.orgId), bookableWhere()];
  if (input.q) {
    const p = escapeLike(input.q);
    parts.push(or(ilike(instruments.serialNo, p), ilike(instruments.name, p), ilike(instruments.manufacturer, p)));
  }
  if (input.kindId) parts.push(eq(instruments.kindId, input.kindId));
  if (input.departmentId) parts.push(eq(instruments.departmentId, input.departmentId));
  if (input.method) parts.push(eq(instruments.method, input.method));
  if (input.bucket) parts.push(bucketWhere(input.bucket, today, bucketCols));
  if (input.cursor) parts.push(lt(instruments.id, input.cursor));
  const rows = await db
    .select({
      id: instruments.id,
      name: instruments.name,
      model: instruments.model,
      serialNo: instruments.serialNo,
      method: instruments.method,
      validUntil: instruments.validUntil,
      approvedOn: instruments.filingApprovedOn,
      failedSince: instruments.failedSince,
      kindName: catalogueKinds.name,
      departmentName: departments.name,
      institutionId: instruments.institutionId,
      institutionName: organisations.name,
    })
    .from(instruments)
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .leftJoin(departments, eq(departments.id, instruments.departmentId))
    .leftJoin(organisations, eq(organisations.id, instruments.institutionId))
    .where(and(...parts))
    .orderBy(desc(instruments.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { ...p, today, items: p.items.map(({ approvedOn: _a, failedSince: _f, ...r }) => ({ ...r, bucket: headlineBucket({ approvedOn: _a, validUntil: r.validUntil, failedSince: _f }, today) })) };
}

/**
 * R-APT-2: how the chosen instruments split into appointments (one per institution + method), with the
 * institutions' names and the instruments that cannot be booked and why — the page says "将生成 N 张预约单".
 */
export async function splitForBooking(db: Queryable, caller: Pick<EnterpriseCaller, "scope" | "user">, input: z.infer<typeof splitInput>) {
  const rows = await loadOwnInstruments(db, caller.scope.orgId, input.instrumentIds, false);
  const blocked: { id: number; name: string; serialNo: string; reason: string }[] = [];
  const ok = rows.filter((r) => {
    try {
      assertBookable(bookable(r));
      return true;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      blocked.push({ id: r.id, name: r.name, serialNo: r.serialNo, reason: e.message });
      return false;
    }
  });
  const groups = splitByInstitutionAndMethod(ok);
  const instIds = groups.map((g) => g.institutionId);
  const orgs = instIds.length ? await db.select({ id: organisations.id, name: organisations.name, address: organisations.address }).from(organisations).where(inArray(organisations.id, instIds)) : [];
  const [me] = await db.select({ address: organisations.address, phone: organisations.contactPhone }).from(organisations).where(eq(organisations.id, caller.scope.orgId));
  return {
    groups: groups.map((g) => {
      const o = orgs.find((x) => x.id === g.institutionId);
      return { institutionId: g.institutionId, institutionName: o?.name ?? "", institutionAddress: o?.address ?? null, method: g.method, instruments: g.instruments.map((i) => ({ id: i.id, name: i.name, serialNo: i.serialNo })) };
    }),
    blocked,
    defaults: { contactName: caller.user.displayName, contactPhone: me?.phone ?? "", siteAddress: me?.address ?? "" },
  };
}

const itemCount = sql<number>`(select count(*)::int from ${appointmentItems} where ${appointmentItems.appointmentId} = ${appointments.id})`;
const openItemCount = sql<number>`(select count(*)::int from ${appointmentItems} where ${appointmentItems.appointmentId} = ${appointments.id} and ${appointmentItems.state} in ('booked', 'received'))`;

/** 我的预约 (and 被拒绝 with state = rejected): the enterprise's appointments, newest first, by keyset. */
export async function listMyAppointments(db: Queryable, scope: Scope, input: z.infer<typeof bookingListInput>) {
  const rows = await db
    .select({
      id: appointments.id,
      number: appointments.number,
      state: appointments.state,
      method: appointments.method,
      day: appointments.day,
      slotLabel: appointments.slotLabel,
      slotStart: appointments.slotStart,
      slotEnd: appointments.slotEnd,
      institutionName: organisations.name,
      instrumentCount: itemCount,
      openCount: openItemCount,
      rejectReason: appointments.rejectReason,
      rescheduleReason: appointments.rescheduleReason,
      createdAt: appointments.createdAt,
    })
    .from(appointments)
    .innerJoin(organisations, eq(organisations.id, appointments.institutionId))
    .where(and(eq(appointments.enterpriseId, scope.orgId), input.state ? eq(appointments.state, input.state) : undefined, input.cursor ? lt(appointments.id, input.cursor) : undefined))
    .orderBy(desc(appointments.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}

/** One of the caller's appointments with its instruments: the draft editor and 重新预约 start from it. */
export async function getMyAppointment(db: Queryable, scope: Scope, id: number) {
  const [a] = await db
    .select({
      id: appointments.id,
      number: appointments.number,
      state: appointments.state,
      method: appointments.method,
      day: appointments.day,
      slotLabel: appointments.slotLabel,
      slotStart: appointments.slotStart,
      slotEnd: appointments.slotEnd,
      institutionId: appointments.institutionId,
      institutionName: organisations.name,
      contactName: appointments.contactName,
      contactPhone: appointments.contactPhone,
      siteAddress: appointments.siteAddress,
      remark: appointments.remark,
      rejectReason: appointments.rejectReason,
    })
    .from(appointments)
    .innerJoin(organisations, eq(organisations.id, appointments.institutionId))
    .where(and(eq(appointments.id, id), eq(appointments.enterpriseId, scope.orgId)));
  if (!a) throw notFound();
  const items = await db
    .select({ id: appointmentItems.id, state: appointmentItems.state, instrumentId: instruments.id, name: instruments.name, serialNo: instruments.serialNo, model: instruments.model })
    .from(appointmentItems)
    .innerJoin(instruments, eq(instruments.id, appointmentItems.instrumentId))
    .where(eq(appointmentItems.appointmentId, a.id))
    .orderBy(appointmentItems.id);
  return { ...a, items };
}
