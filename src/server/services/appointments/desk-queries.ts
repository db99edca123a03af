import "server-only";
import { and, desc, eq, gte, ilike, lt, lte, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { deskListInput } from "@/lib/schemas/appointment-desk";
import type { InstitutionCaller } from "@/server/authz/caller";
import { page } from "@/server/db/keyset";
import { escapeLike } from "@/server/db/like";
import type { Queryable } from "@/server/db/open";
import { appointmentItems, appointments, organisations } from "@/server/db/schema";
import { appointmentHeadColumns } from "./view";

const FULL_NUMBER = /^[SX]\d{14}$/i;

/**
 * 预约确认 list (issue 10 item 3): the caller's institution's appointments, never drafts, newest first, by
 * keyset on the id. Served by the partial indexes on (institution_id, …, id) where state <> 'draft'; the
 * method and a partial number are residual filters on those rows, a full number uses the unique index.
 */
export async function listDeskAppointments(db: Queryable, caller: Pick<InstitutionCaller, "org">, input: z.output<typeof deskListInput>) {
  const q = input.q?.toUpperCase();
  const rows = await db
    .select({
      ...appointmentHeadColumns,
      submittedAt: appointments.submittedAt,
      enterpriseName: organisations.name,
      instrumentCount: sql<number>`(select count(*)::int from ${appointmentItems} i where i.appointment_id = ${appointments.id})`,
    })
    .from(appointments)
    .innerJoin(organisations, eq(organisations.id, appointments.enterpriseId))
    .where(
      and(
        eq(appointments.institutionId, caller.org.id),
        ne(appointments.state, "draft"),
        input.state ? eq(appointments.state, input.state) : undefined,
        input.method ? eq(appointments.method, input.method) : undefined,
        input.fromDay ? gte(appointments.day, input.fromDay) : undefined,
        input.toDay ? lte(appointments.day, input.toDay) : undefined,
        q ? (FULL_NUMBER.test(q) ? eq(appointments.number, q) : ilike(appointments.number, escapeLike(q))) : undefined,
        input.cursor ? lt(appointments.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(appointments.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}
