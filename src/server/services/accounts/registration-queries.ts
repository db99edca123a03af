import "server-only";
import { and, asc, desc, eq, gt, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { registrationQueueInput } from "@/lib/schemas/accounts";
import type { SessionUser } from "@/server/auth/session-user";
import { page } from "@/server/db/keyset";
import type { Queryable } from "@/server/db/open";
import { files, memberships, organisationDocuments, organisations, regions, users } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { reviewScope } from "./review-scope";

const detailColumns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  uscc: organisations.uscc,
  level: organisations.level,
  institutionKind: organisations.institutionKind,
  regionCode: organisations.regionCode,
  address: organisations.address,
  enterpriseType: organisations.enterpriseType,
  legalRepresentative: organisations.legalRepresentative,
  legalRepresentativeIdNo: organisations.legalRepresentativeIdNo,
  contactPhone: organisations.contactPhone,
  contactEmail: organisations.contactEmail,
  authorisationCertNo: organisations.authorisationCertNo,
  authorisationValidUntil: organisations.authorisationValidUntil,
  status: organisations.status,
  rejectReason: organisations.rejectReason,
  submittedAt: organisations.submittedAt,
  reviewedAt: organisations.reviewedAt,
};

/** The current document of each kind (newest row per kind). */
async function documentsOf(db: Queryable, orgId: number) {
  const rows = await db
    .select({ id: organisationDocuments.id, kind: organisationDocuments.kind, fileId: files.id, name: files.originalName, size: files.size, ext: files.ext })
    .from(organisationDocuments)
    .innerJoin(files, eq(files.id, organisationDocuments.fileId))
    .where(eq(organisationDocuments.orgId, orgId))
    .orderBy(desc(organisationDocuments.id));
  return rows.filter((r, i) => rows.findIndex((x) => x.kind === r.kind) === i);
}

/** R-ACC-3 review queue of the reviewer (admin: all; legal city institution: enterprises of its city). */
export async function registrationQueue(db: Queryable, reviewer: SessionUser, input: z.infer<typeof registrationQueueInput>) {
  const where: (SQL | undefined)[] = [
    reviewScope(reviewer),
    eq(organisations.status, input.status),
    input.kind ? eq(organisations.kind, input.kind) : undefined,
    input.cursor ? (input.status === "pending" ? gt(organisations.id, input.cursor) : lt(organisations.id, input.cursor)) : undefined,
  ];
  const rows = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      uscc: organisations.uscc,
      regionCode: organisations.regionCode,
      regionName: regions.name,
      submittedAt: organisations.submittedAt,
      rejectReason: organisations.rejectReason,
      username: users.username,
    })
    .from(organisations)
    // The applicant is the organisation's owner (one per organisation), so each registration is one row.
    .leftJoin(memberships, and(eq(memberships.orgId, organisations.id), eq(memberships.memberRole, "owner")))
    .leftJoin(users, eq(users.id, memberships.userId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(...where))
    .orderBy(input.status === "pending" ? asc(organisations.id) : desc(organisations.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}

/** One registration in the reviewer's queue, with its documents; outside the queue: NOT_FOUND. */
export async function registrationById(db: Queryable, reviewer: SessionUser, id: number) {
  const [org] = await db
    .select(detailColumns)
    .from(organisations)
    .where(and(eq(organisations.id, id), reviewScope(reviewer)))
    .limit(1);
  if (!org) throw notFound();
  return { ...org, documents: await documentsOf(db, org.id) };
}

/** The applicant's own registration (any review state), for the review-state page and resubmission. */
export async function myRegistration(db: Queryable, user: SessionUser) {
  const orgId = user.org?.id;
  if (!orgId || user.org?.kind === "platform") throw notFound();
  const [org] = await db.select(detailColumns).from(organisations).where(eq(organisations.id, orgId)).limit(1);
  if (!org) throw notFound();
  return { ...org, documents: await documentsOf(db, orgId) };
}
