import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import type { z } from "zod";
import type { noticeCreateInput, noticeListInput, noticeUpdateInput, publicNoticeListInput } from "@/lib/schemas/regulator";
import type { RegulatorCaller } from "@/server/authz/caller";
import { inRegion, type Scope } from "@/server/authz/scope";
import type { DB, Queryable } from "@/server/db/open";
import { page } from "@/server/db/keyset";
import { noticeAttachments, notices, organisations } from "@/server/db/schema";
import { noticeExcerpt, noticeTransition, sanitizeNoticeHtml, type NoticeAction } from "@/server/domain/notices/sanitize";
import { AppError, notFound } from "@/server/errors";
import { checkUpload, storeUpload, type UploadRules, withUploadCleanup } from "@/server/files/store";
import { writeAudit } from "@/server/services/audit";

type Caller = Pick<RegulatorCaller, "scope" | "actor">;

/** Notices a regulator manages: those of its region subtree (a province sees its cities' and counties'). */
const inScope = (scope: Scope) => (scope.kind === "regulator" ? inRegion(notices, scope.region) : scope.kind === "admin" ? undefined : eq(notices.id, -1));

const listColumns = {
  id: notices.id,
  kind: notices.kind,
  title: notices.title,
  state: notices.state,
  publishedAt: notices.publishedAt,
  updatedAt: notices.updatedAt,
  regulatorName: organisations.name,
};

/** 公示公告 (issue 12 item 4), the regulator's list: every state, newest first. */
export async function listNotices(db: Queryable, scope: Scope, input: z.output<typeof noticeListInput>) {
  const rows = await db
    .select(listColumns)
    .from(notices)
    .innerJoin(organisations, eq(organisations.id, notices.regulatorId))
    .where(and(inScope(scope), input.cursor ? lt(notices.id, input.cursor) : undefined))
    .orderBy(desc(notices.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}

async function attachmentsOf(db: Queryable, noticeId: number) {
  return db
    .select({ id: noticeAttachments.id, name: noticeAttachments.name, size: noticeAttachments.size })
    .from(noticeAttachments)
    .where(eq(noticeAttachments.noticeId, noticeId))
    .orderBy(noticeAttachments.id);
}

/** One notice for its editor, in the caller's subtree or NOT_FOUND. */
export async function getNotice(db: Queryable, scope: Scope, id: number) {
  const [n] = await db
    .select({ ...listColumns, bodyHtml: notices.bodyHtml })
    .from(notices)
    .innerJoin(organisations, eq(organisations.id, notices.regulatorId))
    .where(and(eq(notices.id, id), inScope(scope)));
  if (!n) throw notFound();
  return { ...n, attachments: await attachmentsOf(db, id) };
}

export async function createNotice(db: DB, caller: Caller, input: z.output<typeof noticeCreateInput>) {
  const bodyHtml = sanitizeNoticeHtml(input.bodyHtml);
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ regionCode: organisations.regionCode, provinceCode: organisations.provinceCode, cityCode: organisations.cityCode, countyCode: organisations.countyCode })
      .from(organisations)
      .where(eq(organisations.id, caller.actor.orgId));
    if (!org?.regionCode || !org.provinceCode) throw notFound();
    const [row] = await tx
      .insert(notices)
      .values({
        regulatorId: caller.actor.orgId,
        regionCode: org.regionCode,
        provinceCode: org.provinceCode,
        cityCode: org.regionCode.length >= 4 ? org.cityCode : null,
        countyCode: org.regionCode.length === 6 ? org.countyCode : null,
        kind: input.kind,
        title: input.title,
        bodyHtml,
        createdBy: caller.actor.userId,
      })
      .returning({ id: notices.id, state: notices.state });
    await writeAudit(tx, caller.actor, { action: "notice.create", entityType: "notice", entityId: row!.id, after: { title: input.title, kind: input.kind } });
    return row!;
  });
}

async function lockNotice(tx: Queryable, scope: Scope, id: number) {
  const [n] = await tx.select().from(notices).where(and(eq(notices.id, id), inScope(scope))).for("update");
  if (!n) throw notFound();
  return n;
}

/** 修改: title, kind and text (sanitised again); a published notice shows the new text at once. */
export async function updateNotice(db: DB, caller: Caller, input: z.output<typeof noticeUpdateInput>) {
  const bodyHtml = sanitizeNoticeHtml(input.bodyHtml);
  return db.transaction(async (tx) => {
    const before = await lockNotice(tx, caller.scope, input.id);
    await tx.update(notices).set({ title: input.title, kind: input.kind, bodyHtml }).where(eq(notices.id, input.id));
    await writeAudit(tx, caller.actor, {
      action: "notice.update",
      entityType: "notice",
      entityId: input.id,
      before: { title: before.title, kind: before.kind },
      after: { title: input.title, kind: input.kind },
    });
    return { id: input.id };
  });
}

/** 发布 / 撤回 (pure rule: domain/notices noticeTransition). */
export async function changeNoticeState(db: DB, caller: Caller, id: number, action: NoticeAction) {
  return db.transaction(async (tx) => {
    const before = await lockNotice(tx, caller.scope, id);
    const state = noticeTransition(before.state, action);
    const now = new Date();
    await tx
      .update(notices)
      .set(action === "publish" ? { state, publishedAt: now, withdrawnAt: null } : { state, withdrawnAt: now })
      .where(eq(notices.id, id));
    await writeAudit(tx, caller.actor, { action: `notice.${action}`, entityType: "notice", entityId: id, before: { state: before.state }, after: { state } });
    return { id, state };
  });
}

/** The public portal's list (R-SCOPE: anyone, published only), newest publication first. */
export async function listPublishedNotices(db: Queryable, input: z.output<typeof publicNoticeListInput>) {
  const rows = await db
    .select({ id: notices.id, kind: notices.kind, title: notices.title, publishedAt: notices.publishedAt, bodyHtml: notices.bodyHtml, regulatorName: organisations.name })
    .from(notices)
    .innerJoin(organisations, eq(organisations.id, notices.regulatorId))
    .where(and(eq(notices.state, "published"), input.kind ? eq(notices.kind, input.kind) : undefined, input.cursor ? lt(notices.id, input.cursor) : undefined))
    .orderBy(desc(notices.id))
    .limit(input.limit + 1);
  const { items, nextCursor } = page(rows, input.limit);
  return { nextCursor, items: items.map(({ bodyHtml, ...r }) => ({ ...r, excerpt: noticeExcerpt(bodyHtml) })) };
}

/** One published notice for the public portal; a draft or withdrawn one is NOT_FOUND. */
export async function getPublishedNotice(db: Queryable, id: number) {
  const [n] = await db
    .select({ id: notices.id, kind: notices.kind, title: notices.title, publishedAt: notices.publishedAt, bodyHtml: notices.bodyHtml, regulatorName: organisations.name })
    .from(notices)
    .innerJoin(organisations, eq(organisations.id, notices.regulatorId))
    .where(and(eq(notices.id, id), eq(notices.state, "published")));
  if (!n) throw notFound();
  return { ...n, attachments: await attachmentsOf(db, id) };
}

/** The stored file of a notice attachment: anyone for a published notice, the regulators of its subtree always. */
export async function noticeAttachmentFile(db: Queryable, scope: Scope, attachmentId: number) {
  const [r] = await db
    .select({ fileId: noticeAttachments.fileId, state: notices.state, noticeId: notices.id })
    .from(noticeAttachments)
    .innerJoin(notices, eq(notices.id, noticeAttachments.noticeId))
    .where(eq(noticeAttachments.id, attachmentId));
  if (!r) throw notFound();
  if (r.state === "published") return r.fileId;
  const [mine] = await db.select({ id: notices.id }).from(notices).where(and(eq(notices.id, r.noticeId), inScope(scope)));
  if (!mine) throw notFound();
  return r.fileId;
}


/** Attachments of notices: documents and images typed by content (R-SEC-2), 10 MB each, 10 per notice. */
export const NOTICE_ATTACHMENT_RULES: UploadRules = { kinds: ["pdf", "jpg", "png", "zip", "rar"], maxBytes: 10 * 1024 * 1024 };
const MAX_ATTACHMENTS = 10;

export async function addNoticeAttachment(db: DB, caller: Caller, noticeId: number, file: { name: string; bytes: Uint8Array }) {
  const checked = await checkUpload(file, NOTICE_ATTACHMENT_RULES);
  return withUploadCleanup((written) =>
    db.transaction(async (tx) => {
      await lockNotice(tx, caller.scope, noticeId);
      const existing = await attachmentsOf(tx, noticeId);
      if (existing.length >= MAX_ATTACHMENTS) throw new AppError("BAD_INPUT", `每条公告最多 ${MAX_ATTACHMENTS} 个附件`);
      const stored = await storeUpload(tx, checked, NOTICE_ATTACHMENT_RULES, { userId: caller.actor.userId, orgId: caller.actor.orgId }, written);
      const [att] = await tx.insert(noticeAttachments).values({ noticeId, fileId: stored.id, name: stored.originalName, size: stored.size }).returning({ id: noticeAttachments.id });
      await writeAudit(tx, caller.actor, { action: "notice.attach", entityType: "notice", entityId: noticeId, after: { attachmentId: att!.id, name: stored.originalName, size: stored.size } });
      return { id: att!.id, name: stored.originalName, size: stored.size };
    }),
  );
}
