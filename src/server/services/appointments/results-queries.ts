import "server-only";
import { and, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { resultListInput } from "@/lib/schemas/reception";
import type { Queryable } from "@/server/db/open";
import { page } from "@/server/db/keyset";
import { appointmentItems, appointments, catalogueKinds, certificates, instruments, organisations, results } from "@/server/db/schema";
import type { InstitutionActor } from "./item-steps";

const instrumentColumns = {
  instrumentId: instruments.id,
  name: instruments.name,
  model: instruments.model,
  serialNo: instruments.serialNo,
  kindName: catalogueKinds.name,
  enterpriseName: organisations.name,
};

/**
 * 检定结果 list of the caller's institution (issue 10 item 6), newest first by keyset:
 * - awaiting: instruments received and still without a result (date filter = the appointment's day);
 * - recorded: results with their certificate or fail notice (date filter = the verification day, verdict).
 * Both filter by appointment number. Indexes: appointments_institution_state_day_idx + items by appointment;
 * results_institution_idx / results_institution_day_idx / results_institution_verdict_idx.
 */
export async function listResults(db: Queryable, caller: InstitutionActor, input: z.infer<typeof resultListInput>) {
  const orgId = caller.org.id;
  const number = input.number?.trim().toUpperCase() || undefined;
  if (input.tab === "awaiting") {
    const where: (SQL | undefined)[] = [
      eq(appointments.institutionId, orgId),
      eq(appointments.state, "received"),
      eq(appointmentItems.state, "received"),
      input.from ? gte(appointments.day, input.from) : undefined,
      input.to ? lte(appointments.day, input.to) : undefined,
      number ? eq(appointments.number, number) : undefined,
      input.cursor ? lt(appointmentItems.id, input.cursor) : undefined,
    ];
    const rows = await db
      .select({
        id: appointmentItems.id,
        appointmentId: appointments.id,
        number: appointments.number,
        method: appointments.method,
        day: appointments.day,
        receivedAt: appointmentItems.receivedAt,
        ...instrumentColumns,
      })
      .from(appointmentItems)
      .innerJoin(appointments, eq(appointments.id, appointmentItems.appointmentId))
      .innerJoin(instruments, eq(instruments.id, appointmentItems.instrumentId))
      .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
      .innerJoin(organisations, eq(organisations.id, appointments.enterpriseId))
      .where(and(...where))
      .orderBy(desc(appointmentItems.id))
      .limit(input.limit + 1);
    return { tab: "awaiting" as const, ...page(rows, input.limit) };
  }
  const where: (SQL | undefined)[] = [
    eq(results.institutionId, orgId),
    input.from ? gte(results.verifiedOn, input.from) : undefined,
    input.to ? lte(results.verifiedOn, input.to) : undefined,
    input.verdict ? eq(results.verdict, input.verdict) : undefined,
    number ? eq(appointments.number, number) : undefined,
    input.cursor ? lt(results.id, input.cursor) : undefined,
  ];
  const rows = await db
    .select({
      id: results.id,
      appointmentId: appointments.id,
      number: appointments.number,
      method: appointments.method,
      verdict: results.verdict,
      verifiedOn: results.verifiedOn,
      validUntil: results.validUntil,
      verifier: results.verifier,
      feeCents: results.feeCents,
      feeNote: results.feeNote,
      documentNo: certificates.number,
      documentKind: certificates.kind,
      ...instrumentColumns,
    })
    .from(results)
    .innerJoin(appointments, eq(appointments.id, results.appointmentId))
    .innerJoin(instruments, eq(instruments.id, results.instrumentId))
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .innerJoin(organisations, eq(organisations.id, results.enterpriseId))
    .leftJoin(certificates, and(eq(certificates.resultId, results.id), sql`${certificates.state} = 'issued'`))
    .where(and(...where))
    .orderBy(desc(results.id))
    .limit(input.limit + 1);
  return { tab: "recorded" as const, ...page(rows, input.limit) };
}
