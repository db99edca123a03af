import "server-only";
import { and, eq } from "drizzle-orm";
import { resubmitSchemas } from "@/lib/schemas/accounts";
import type { SessionUser } from "@/server/auth/session-user";
import type { DB } from "@/server/db/open";
import { memberships, organisationDocuments, organisations } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { storeUpload, withUploadCleanup } from "@/server/files/store";
import { type Actor, writeAudit } from "@/server/services/audit";
import {
  assertUsccFree,
  checkDocuments,
  DOCUMENT_LABEL,
  DOCUMENT_RULES,
  type DocumentKind,
  locate,
  mapUniqueViolation,
  parseOrThrow,
  REQUIRED_DOCUMENTS,
  type Upload,
} from "./registration-shared";

/**
 * The applicant corrects a rejected registration and submits it again (R-ACC-3): only the owner of the
 * organisation, only while it is rejected. New uploads replace the old document of the same kind; documents
 * not uploaded again stay. Back to pending, reason cleared, audit row with before/after.
 */
export async function resubmitRegistration(
  db: DB,
  user: SessionUser,
  actor: Actor,
  raw: Record<string, unknown>,
  uploads: Partial<Record<DocumentKind, Upload>>,
  now = new Date(),
) {
  const orgId = user.org?.id;
  const kind = user.org?.kind;
  if (!orgId || (kind !== "enterprise" && kind !== "institution" && kind !== "regulator")) throw notFound();
  const input = parseOrThrow(resubmitSchemas[kind], raw) as Record<string, string>;
  const level = kind === "enterprise" ? "county" : (input.level as "province" | "city" | "county");
  const location = await locate(db, input.regionCode!, level);
  const present = Object.fromEntries(Object.entries(uploads).filter(([, f]) => f && f.bytes.byteLength > 0)) as typeof uploads;
  await checkDocuments(kind, present, false);
  // A required document that is neither on file nor uploaded now must be uploaded.
  const onFile = new Set(
    (await db.select({ kind: organisationDocuments.kind }).from(organisationDocuments).where(eq(organisationDocuments.orgId, orgId))).map((d) => d.kind),
  );
  for (const doc of REQUIRED_DOCUMENTS[kind]) {
    if (!present[doc] && !onFile.has(doc))
      throw new AppError("DOCUMENT_MISSING", `请上传${DOCUMENT_LABEL[doc]}`, { fieldErrors: { [doc]: `请上传${DOCUMENT_LABEL[doc]}` } });
  }
  await assertUsccFree(db, input.uscc!, orgId);

  try {
    return await withUploadCleanup((written) => db.transaction(async (tx) => {
      const [owner] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, user.id), eq(memberships.memberRole, "owner"), eq(memberships.status, "approved")));
      if (!owner) throw new AppError("NOT_ORG_OWNER");
      const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId)).for("update");
      if (!org) throw notFound();
      if (org.status !== "rejected") throw new AppError("REGISTRATION_NOT_EDITABLE");
      const changes = {
        name: input.name!,
        uscc: input.uscc!,
        ...location,
        address: input.address!,
        level: kind === "enterprise" ? null : (input.level as "province" | "city" | "county"),
        institutionKind: kind === "institution" ? (input.institutionKind as "legal" | "authorised") : null,
        enterpriseType: kind === "enterprise" ? input.enterpriseType! : null,
        legalRepresentative: kind === "enterprise" ? input.legalRepresentative! : null,
        legalRepresentativeIdNo: kind === "enterprise" ? input.legalRepresentativeIdNo! : null,
        authorisationCertNo: kind === "institution" ? input.authorisationCertNo! : null,
        authorisationValidUntil: kind === "institution" ? input.authorisationValidUntil! : null,
      };
      await tx
        .update(organisations)
        .set({ ...changes, status: "pending", rejectReason: null, submittedAt: now })
        .where(eq(organisations.id, orgId));
      const docs: { kind: DocumentKind; fileId: string }[] = [];
      for (const doc of REQUIRED_DOCUMENTS[kind]) {
        const f = present[doc];
        if (!f) continue;
        const stored = await storeUpload(tx, f, DOCUMENT_RULES, { userId: user.id, orgId }, written);
        docs.push({ kind: doc, fileId: stored.id });
      }
      if (docs.length) await tx.insert(organisationDocuments).values(docs.map((d) => ({ ...d, orgId })));
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, org[k as keyof typeof org]]));
      await writeAudit(tx, actor, {
        action: "registration.resubmit",
        entityType: "organisation",
        entityId: orgId,
        before: { ...before, status: org.status, rejectReason: org.rejectReason },
        after: { ...changes, status: "pending", documents: docs },
      });
      return { id: orgId };
    }));
  } catch (err) {
    mapUniqueViolation(err);
  }
}
