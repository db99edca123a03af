import "server-only";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { dayIn } from "@/lib/china-day";
import { METHOD_LABEL } from "@/lib/vocab";
import type { DB } from "@/server/db/open";
import { appointments, filings, organisations } from "@/server/db/schema";
import { maskText } from "@/server/domain/public/mask";

/** One 公示 row (seed 004 2.4): 业务流水号, 申请人, 事项, 办理机构, 时间, 结果 — personal data masked. */
export type PublicityRow = { number: string; applicant: string; matter: string; institution: string; day: string; result: string };

/**
 * The latest completed business for the public home (issue 11 #4): completed appointments (their number) and
 * approved filings (the 器具编码 they gave), newest first. Each part reads its own partial index.
 */
export async function latestPublicity(db: DB, limit = 10): Promise<PublicityRow[]> {
  const ent = alias(organisations, "ent");
  const inst = alias(organisations, "inst");
  const [done, filed] = await Promise.all([
    db
      .select({ number: appointments.number, applicant: ent.name, institution: inst.name, method: appointments.method, count: appointments.instrumentCount, at: appointments.completedAt })
      .from(appointments)
      .innerJoin(ent, eq(ent.id, appointments.enterpriseId))
      .innerJoin(inst, eq(inst.id, appointments.institutionId))
      .where(and(eq(appointments.state, "completed"), isNotNull(appointments.completedAt)))
      .orderBy(desc(appointments.completedAt))
      .limit(limit),
    db
      .select({ number: filings.instrumentCode, applicant: ent.name, institution: inst.name, at: filings.decidedAt })
      .from(filings)
      .innerJoin(ent, eq(ent.id, filings.enterpriseId))
      .innerJoin(inst, eq(inst.id, filings.institutionId))
      .where(and(eq(filings.state, "filed"), sql`${filings.decidedAt} is not null`))
      .orderBy(desc(filings.decidedAt))
      .limit(limit),
  ]);
  const rows = [
    ...done.map((a) => ({ at: a.at!, row: { number: a.number ?? "", applicant: maskText(a.applicant)!, matter: `强制检定（${METHOD_LABEL[a.method]}）${a.count} 台`, institution: a.institution, result: "已完检" } })),
    ...filed.map((f) => ({ at: f.at!, row: { number: f.number ?? "", applicant: maskText(f.applicant)!, matter: "强制检定备案", institution: f.institution, result: "备案通过" } })),
  ];
  return rows
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
    .slice(0, limit)
    .map(({ at, row }) => ({ ...row, day: dayIn(new Date(at)) }));
}
