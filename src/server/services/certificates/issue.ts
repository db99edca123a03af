import "server-only";
import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { CertificateKind } from "@/lib/vocab";
import type { Tx } from "@/server/db/open";
import { catalogueKinds, certificates, instruments, organisations, results, type CertificateSnapshot } from "@/server/db/schema";
import { DEFAULT_TEMPLATES, formatDocumentNumber, institutionNumberCode } from "@/server/domain/certificates/number";
import { type Actor, writeAudit } from "@/server/services/audit";
import { nextNumber } from "@/server/services/numbering/next-number";

/** An unguessable token for `/v/{token}` (R-PUB-1): 144 random bits, URL-safe, never the number. */
export function newCertificateToken(): string {
  return randomBytes(18).toString("base64url");
}

export type IssuedDocument = { id: number; resultId: number; kind: CertificateKind; number: string; token: string };

/**
 * Issues the certificate (合格) or fail notice (不合格) of each result, inside the caller's transaction
 * (R-RES-1/2/5, R-BKT-5): numbers from the institution's template and its per-kind yearly sequence, a fresh
 * token, a snapshot of what the document shows, the instrument's certificate number / validity / 不合格 mark,
 * and an audit row each. `replaces` maps a result to the revoked document a re-issue replaces.
 * The caller has locked the results and checked them; a result with a live document fails on the
 * certificates_live_result_uq index rather than getting a second one.
 */
export async function issueDocuments(tx: Tx, actor: Actor, resultIds: number[], issuedOn: string, replaces: Map<number, number> = new Map()): Promise<IssuedDocument[]> {
  if (resultIds.length === 0) return [];
  const rows = await tx
    .select({
      result: results,
      instrument: {
        name: instruments.name,
        model: instruments.model,
        serialNo: instruments.serialNo,
        manufacturer: instruments.manufacturer,
        instrumentCode: instruments.instrumentCode,
        measuringRange: instruments.measuringRange,
        accuracyClass: instruments.accuracyClass,
        kindName: catalogueKinds.name,
      },
    })
    .from(results)
    .innerJoin(instruments, eq(instruments.id, results.instrumentId))
    .innerJoin(catalogueKinds, eq(catalogueKinds.id, instruments.kindId))
    .where(inArray(results.id, resultIds))
    .orderBy(results.id);
  if (rows.length !== new Set(resultIds).size) throw new Error("issueDocuments: unknown result");

  const orgIds = [...new Set(rows.flatMap((r) => [r.result.enterpriseId, r.result.institutionId]))];
  const orgs = new Map(
    (
      await tx
        .select({
          id: organisations.id,
          name: organisations.name,
          address: organisations.address,
          code: organisations.code,
          contactPhone: organisations.contactPhone,
          authorisationCertNo: organisations.authorisationCertNo,
          certificateNoTemplate: organisations.certificateNoTemplate,
          failNoticeNoTemplate: organisations.failNoticeNoTemplate,
        })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
    ).map((o) => [o.id, o]),
  );

  // One block of consecutive numbers per institution and kind: one locked counter row each, however many documents.
  const year = issuedOn.slice(0, 4);
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.result.institutionId}:${r.result.verdict === "pass" ? "certificate" : "fail_notice"}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const values: (typeof certificates.$inferInsert)[] = [];
  for (const [key, group] of groups) {
    const [institutionIdText, kind] = key.split(":") as [string, CertificateKind];
    const institution = orgs.get(Number(institutionIdText))!;
    const template = (kind === "certificate" ? institution.certificateNoTemplate : institution.failNoticeNoTemplate) ?? DEFAULT_TEMPLATES[kind];
    const first = await nextNumber(tx, kind, String(institution.id), year, group.length);
    group.forEach((r, i) => {
      const enterprise = orgs.get(r.result.enterpriseId)!;
      const snapshot: CertificateSnapshot = {
        instrument: r.instrument,
        userUnit: { name: enterprise.name, address: enterprise.address },
        institution: {
          name: institution.name,
          code: institution.code,
          address: institution.address,
          contactPhone: institution.contactPhone,
          authorisationCertNo: institution.authorisationCertNo,
        },
        verifier: r.result.verifier,
        checker: r.result.checker,
        approver: r.result.approver,
        conclusion: r.result.conclusion,
      };
      values.push({
        kind,
        number: formatDocumentNumber(template, { code: institutionNumberCode(institution.code, institution.id), day: issuedOn, seq: first + i }),
        token: newCertificateToken(),
        resultId: r.result.id,
        instrumentId: r.result.instrumentId,
        enterpriseId: r.result.enterpriseId,
        institutionId: r.result.institutionId,
        appointmentId: r.result.appointmentId,
        issuedOn,
        verifiedOn: r.result.verifiedOn,
        validUntil: kind === "certificate" ? r.result.validUntil : null,
        snapshot,
        replacesId: replaces.get(r.result.id) ?? null,
        issuedBy: actor.userId,
      });
    });
  }
  const issued = await tx
    .insert(certificates)
    .values(values)
    .returning({ id: certificates.id, resultId: certificates.resultId, kind: certificates.kind, number: certificates.number, token: certificates.token });

  // The instrument follows its latest document (R-RES-5, R-BKT-5): a pass sets number and validity and clears
  // the 不合格 mark; a fail sets the mark from its verification day (keeping an earlier one).
  // Two set-based statements however many documents (a 500-instrument batch would otherwise pay 500 round trips).
  const resultOf = new Map(rows.map((x) => [x.result.id, x.result]));
  const passes = issued.filter((d) => d.kind === "certificate").map((d) => ({ d, r: resultOf.get(d.resultId)! }));
  const fails = issued.filter((d) => d.kind !== "certificate").map((d) => resultOf.get(d.resultId)!);
  if (passes.length > 0) {
    const v = sql.join(passes.map(({ d, r }) => sql`(${r.instrumentId}::bigint, ${d.number}::text, ${r.validUntil}::date)`), sql`, `);
    await tx.execute(sql`update ${instruments} set certificate_no = v.number, valid_until = v.valid_until, failed_since = null, updated_at = now()
      from (values ${v}) as v(instrument_id, number, valid_until) where ${instruments.id} = v.instrument_id`);
  }
  if (fails.length > 0) {
    const v = sql.join(fails.map((r) => sql`(${r.instrumentId}::bigint, ${r.verifiedOn}::date)`), sql`, `);
    await tx.execute(sql`update ${instruments} set failed_since = coalesce(${instruments.failedSince}, v.verified_on), updated_at = now()
      from (values ${v}) as v(instrument_id, verified_on) where ${instruments.id} = v.instrument_id`);
  }
  await writeAudit(
    tx,
    actor,
    issued.map((d) => ({ action: d.kind === "certificate" ? "certificate.issue" : "fail_notice.issue", entityType: "certificate", entityId: d.id, after: { number: d.number, resultId: d.resultId, replacesId: replaces.get(d.resultId) ?? null } })),
  );
  return issued;
}
