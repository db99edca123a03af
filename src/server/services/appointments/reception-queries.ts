import "server-only";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { z } from "zod";
import type { receptionQueueInput } from "@/lib/schemas/reception";
import type { Queryable } from "@/server/db/open";
import { page } from "@/server/db/keyset";
import { appointments, organisations } from "@/server/db/schema";
import type { InstitutionActor } from "./item-steps";

/**
 * 待接收 at the front desk (issue 10 item 5): the caller's confirmed, rescheduled and received appointments,
 * newest first by keyset (appointments_institution_state_day_idx), optionally one state. Opening one is the same
 * as typing its number.
 */
export async function receptionQueue(db: Queryable, caller: InstitutionActor, input: z.infer<typeof receptionQueueInput>) {
  const rows = await db
    .select({
      id: appointments.id,
      number: appointments.number,
      state: appointments.state,
      method: appointments.method,
      day: appointments.day,
      slotLabel: appointments.slotLabel,
      instrumentCount: appointments.instrumentCount,
      enterpriseName: organisations.name,
    })
    .from(appointments)
    .innerJoin(organisations, eq(organisations.id, appointments.enterpriseId))
    .where(
      and(
        eq(appointments.institutionId, caller.org.id),
        input.state ? eq(appointments.state, input.state) : inArray(appointments.state, ["confirmed", "rescheduled", "received"]),
        input.cursor ? lt(appointments.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(appointments.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}
