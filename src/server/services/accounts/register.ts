import "server-only";
import { hashPassword } from "@/server/auth/password";
import type { DB } from "@/server/db/open";
import { memberships, organisationDocuments, organisations, users } from "@/server/db/schema";
import {
  enterpriseRegistration,
  institutionRegistration,
  personalRegistration,
  regulatorRegistration,
  type RegistrationKind,
} from "@/lib/schemas/accounts";
import { storeUpload, withUploadCleanup } from "@/server/files/store";
import { writeAudit } from "@/server/services/audit";
import {
  assertUsccFree,
  assertUsernameFree,
  checkDocuments,
  DOCUMENT_RULES,
  type DocumentKind,
  locate,
  mapUniqueViolation,
  parseOrThrow,
  REQUIRED_DOCUMENTS,
  type Upload,
} from "./registration-shared";
import { checkSmsCode, consumeSmsCode } from "./sms-codes";

const SCHEMAS = {
  enterprise: enterpriseRegistration,
  institution: institutionRegistration,
  regulator: regulatorRegistration,
  personal: personalRegistration,
} as const;

/**
 * Registration of any kind (SPEC §4): validate everything (fields, R-ACC-1 check digits, R-ACC-2 password,
 * region, uploads by content, free username and USCC, SMS code) before writing; then the organisation
 * (status pending, R-ACC-3), its owner account, the documents and the audit row in ONE transaction.
 */
export async function registerAccount(
  db: DB,
  kind: RegistrationKind,
  raw: Record<string, unknown>,
  uploads: Partial<Record<DocumentKind, Upload>>,
  ip: string | null,
  now = new Date(),
): Promise<{ userId: number; orgId: number | null }> {
  const input = parseOrThrow(SCHEMAS[kind], raw);
  const level = kind === "enterprise" || kind === "personal" ? "county" : (input as { level: "province" | "city" | "county" }).level;
  const location = await locate(db, input.regionCode, level);
  if (kind !== "personal") await checkDocuments(kind, uploads);
  await assertUsernameFree(db, input.username);
  if (kind !== "personal") await assertUsccFree(db, (input as { uscc: string }).uscc);
  const codeId = await checkSmsCode(db, { phone: input.phone, purpose: "register", code: input.smsCode }, now);
  const passwordHash = await hashPassword(input.password);

  try {
    return await withUploadCleanup((written) => db.transaction(async (tx) => {
      await consumeSmsCode(tx, codeId, now);
      if (kind === "personal") {
        const p = input as typeof personalRegistration._output;
        const [user] = await tx
          .insert(users)
          .values({
            username: p.username,
            passwordHash,
            displayName: p.displayName,
            role: "personal",
            phone: p.phone,
            email: p.email || null,
            idNumber: p.idNumber,
            regionCode: location.regionCode,
          })
          .returning({ id: users.id });
        await writeAudit(tx, { userId: user!.id, orgId: null, ip }, {
          action: "user.register",
          entityType: "user",
          entityId: user!.id,
          after: { username: p.username, role: "personal", regionCode: location.regionCode },
        });
        return { userId: user!.id, orgId: null };
      }

      const o = input as typeof enterpriseRegistration._output &
        Partial<typeof institutionRegistration._output> &
        Partial<typeof regulatorRegistration._output>;
      const [org] = await tx
        .insert(organisations)
        .values({
          kind,
          name: o.name,
          uscc: o.uscc,
          level: kind === "enterprise" ? null : o.level,
          institutionKind: kind === "institution" ? o.institutionKind : null,
          ...location,
          address: o.address,
          enterpriseType: kind === "enterprise" ? o.enterpriseType : null,
          legalRepresentative: kind === "enterprise" ? o.legalRepresentative : null,
          legalRepresentativeIdNo: kind === "enterprise" ? o.legalRepresentativeIdNo : null,
          contactPhone: o.phone,
          contactEmail: o.email || null,
          authorisationCertNo: kind === "institution" ? o.authorisationCertNo : null,
          authorisationValidUntil: kind === "institution" ? o.authorisationValidUntil : null,
          status: "pending",
          submittedAt: now,
        })
        .returning({ id: organisations.id });
      const [user] = await tx
        .insert(users)
        .values({
          username: o.username,
          passwordHash,
          displayName: o.contactName,
          role: kind,
          orgId: org!.id,
          phone: o.phone,
          email: o.email || null,
        })
        .returning({ id: users.id });
      await tx.insert(memberships).values({ userId: user!.id, orgId: org!.id, memberRole: "owner", status: "approved", decidedAt: now });
      const docs: { kind: DocumentKind; fileId: string }[] = [];
      for (const doc of REQUIRED_DOCUMENTS[kind]) {
        const stored = await storeUpload(tx, uploads[doc]!, DOCUMENT_RULES, { userId: user!.id, orgId: org!.id }, written);
        docs.push({ kind: doc, fileId: stored.id });
      }
      if (docs.length) await tx.insert(organisationDocuments).values(docs.map((d) => ({ ...d, orgId: org!.id })));
      await writeAudit(tx, { userId: user!.id, orgId: org!.id, ip }, [
        {
          action: "registration.submit",
          entityType: "organisation",
          entityId: org!.id,
          after: { kind, name: o.name, uscc: o.uscc, regionCode: location.regionCode, documents: docs },
        },
        { action: "user.register", entityType: "user", entityId: user!.id, after: { username: o.username, role: kind } },
      ]);
      return { userId: user!.id, orgId: org!.id };
    }));
  } catch (err) {
    mapUniqueViolation(err);
  }
}
