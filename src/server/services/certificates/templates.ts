import "server-only";
import { and, eq } from "drizzle-orm";
import { chinaToday } from "@/lib/china-day";
import type { CertificateKind } from "@/lib/vocab";
import type { OrgActor } from "@/server/authz/caller";
import type { DB, Queryable } from "@/server/db/open";
import { organisations, sequences } from "@/server/db/schema";
import { assertValidTemplate, DEFAULT_TEMPLATES, formatDocumentNumber, institutionNumberCode } from "@/server/domain/certificates/number";
import { AppError, notFound } from "@/server/errors";
import { writeAudit } from "@/server/services/audit";

async function institution(db: Queryable, orgId: number) {
  const [o] = await db
    .select({ id: organisations.id, code: organisations.code, certificate: organisations.certificateNoTemplate, failNotice: organisations.failNoticeNoTemplate })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!o) throw notFound();
  return o;
}

/**
 * The number the next document of `kind` would get under `template` today (R-RES-2): the institution's real
 * next sequence value this year, without taking it. Refuses an invalid template with the rule's words.
 */
async function example(db: Queryable, o: { id: number; code: string | null }, kind: CertificateKind, template: string) {
  assertValidTemplate(template);
  const day = chinaToday();
  const [seq] = await db
    .select({ n: sequences.n })
    .from(sequences)
    .where(and(eq(sequences.kind, kind), eq(sequences.scopeKey, String(o.id)), eq(sequences.period, day.slice(0, 4))));
  const next = (seq?.n ?? 0) + 1;
  const width = Number(/\{seq(\d)\}/.exec(template)![1]);
  if (String(next).length > width) throw new AppError("CERT_TEMPLATE_SEQ_TOO_SHORT", `流水号位数不足：本年下一个流水号是 ${next}，请加大 {seq${width}} 的位数`);
  return formatDocumentNumber(template, { code: institutionNumberCode(o.code, o.id), day, seq: next });
}

/** The institution's certificate and fail-notice templates (its own or the defaults) with their next numbers. */
export async function numberTemplates(db: Queryable, orgId: number) {
  const o = await institution(db, orgId);
  const certificate = o.certificate ?? DEFAULT_TEMPLATES.certificate;
  const failNotice = o.failNotice ?? DEFAULT_TEMPLATES.fail_notice;
  return {
    certificate,
    failNotice,
    defaults: { certificate: DEFAULT_TEMPLATES.certificate, failNotice: DEFAULT_TEMPLATES.fail_notice },
    examples: { certificate: await example(db, o, "certificate", certificate), failNotice: await example(db, o, "fail_notice", failNotice) },
  };
}

/** Live example while the institution types a template. */
export async function previewTemplate(db: Queryable, orgId: number, input: { kind: CertificateKind; template: string }) {
  return { example: await example(db, await institution(db, orgId), input.kind, input.template) };
}

/**
 * Saves both templates (a default is stored as null so later changes of the default reach it). Numbers already
 * issued keep theirs; the sequences run on per institution, kind and year, and the unique index on numbers
 * refuses a template that would repeat an issued number.
 */
export async function saveNumberTemplates(db: DB, actor: OrgActor, input: { certificate: string; failNotice: string }) {
  assertValidTemplate(input.certificate);
  assertValidTemplate(input.failNotice);
  return db.transaction(async (tx) => {
    const before = await institution(tx, actor.orgId);
    await example(tx, before, "certificate", input.certificate);
    await example(tx, before, "fail_notice", input.failNotice);
    const after = {
      certificateNoTemplate: input.certificate === DEFAULT_TEMPLATES.certificate ? null : input.certificate,
      failNoticeNoTemplate: input.failNotice === DEFAULT_TEMPLATES.fail_notice ? null : input.failNotice,
    };
    await tx.update(organisations).set(after).where(eq(organisations.id, actor.orgId));
    await writeAudit(tx, actor, {
      action: "organisation.number_templates",
      entityType: "organisation",
      entityId: actor.orgId,
      before: { certificateNoTemplate: before.certificate, failNoticeNoTemplate: before.failNotice },
      after,
    });
    return numberTemplates(tx, actor.orgId);
  });
}
