import { and, asc, desc, eq, gt, lt, type SQL } from "drizzle-orm";
import { registrationIdInput, registrationQueueInput, rejectInput } from "@/lib/schemas/accounts";
import { files, memberships, organisationDocuments, organisations, regions, users } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { reviewRegistration } from "@/server/services/accounts/review-registration";
import { reviewScope } from "@/server/services/accounts/review-scope";
import type { Queryable } from "@/server/db/open";
import { actorOf } from "../../actor";
import { protectedProcedure, roleProcedure, router } from "../../trpc";

const reviewer = roleProcedure("institution", "admin");

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

export const registrationRouter = router({
  /** R-ACC-3 review queue of the caller (admin: all; legal city institution: enterprises of its city). */
  queue: reviewer.input(registrationQueueInput).query(async ({ ctx, input }) => {
    const where: (SQL | undefined)[] = [
      reviewScope(ctx.user),
      eq(organisations.status, input.status),
      input.kind ? eq(organisations.kind, input.kind) : undefined,
      input.cursor ? (input.status === "pending" ? gt(organisations.id, input.cursor) : lt(organisations.id, input.cursor)) : undefined,
    ];
    const rows = await ctx.db
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
    const hasMore = rows.length > input.limit;
    const items = hasMore ? rows.slice(0, input.limit) : rows;
    return { items, nextCursor: hasMore ? items[items.length - 1]!.id : null };
  }),

  /** One registration in the caller's queue, with its documents; outside the queue: NOT_FOUND. */
  byId: reviewer.input(registrationIdInput).query(async ({ ctx, input }) => {
    const [org] = await ctx.db
      .select(detailColumns)
      .from(organisations)
      .where(and(eq(organisations.id, input.id), reviewScope(ctx.user)))
      .limit(1);
    if (!org) throw notFound();
    return { ...org, documents: await documentsOf(ctx.db, org.id) };
  }),

  approve: reviewer
    .input(registrationIdInput)
    .mutation(({ ctx, input }) => reviewRegistration(ctx.db, ctx.user, actorOf(ctx), { id: input.id, approve: true })),

  reject: reviewer
    .input(rejectInput)
    .mutation(({ ctx, input }) => reviewRegistration(ctx.db, ctx.user, actorOf(ctx), { id: input.id, approve: false, reason: input.reason })),

  /** The applicant's own registration (any review state), for the review-state page and resubmission. */
  mine: protectedProcedure.query(async ({ ctx }) => {
    const orgId = ctx.user.org?.id;
    if (!orgId || ctx.user.org?.kind === "platform") throw notFound();
    const [org] = await ctx.db.select(detailColumns).from(organisations).where(eq(organisations.id, orgId)).limit(1);
    if (!org) throw notFound();
    return { ...org, documents: await documentsOf(ctx.db, orgId) };
  }),
});
