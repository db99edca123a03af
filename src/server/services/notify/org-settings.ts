import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { orgContactsInput, webhookInput } from "@/lib/schemas/notify";
import type { Actor } from "@/server/authz/caller";
import type { SessionUser } from "@/server/auth/session-user";
import { config } from "@/server/config";
import type { DB, Queryable } from "@/server/db/open";
import { organisations, organisationWebhooks } from "@/server/db/schema";
import { webhookUrlProblem } from "@/server/domain/notify/webhook";
import { AppError } from "@/server/errors";
import { checkHost } from "@/server/notify/guarded-post";
import { enqueue } from "@/server/notify/outbox";
import { assertOwner } from "@/server/services/accounts/memberships";
import { writeAudit } from "@/server/services/audit";

type Owner = { user: SessionUser; actor: Actor };

/** The organisation's notification contacts and webhook, for its owner (the secret is never shown again). */
export async function orgNotifySettings(db: Queryable, user: SessionUser) {
  const orgId = await assertOwner(db, user);
  const [org] = await db.select({ contactEmail: organisations.contactEmail, contactPhone: organisations.contactPhone }).from(organisations).where(eq(organisations.id, orgId));
  const [hook] = await db.select({ url: organisationWebhooks.url, enabled: organisationWebhooks.enabled }).from(organisationWebhooks).where(eq(organisationWebhooks.orgId, orgId));
  return { contactEmail: org?.contactEmail ?? null, contactPhone: org?.contactPhone ?? null, webhook: hook ?? null };
}

/** The owner sets the contact e-mail and phone that receive the organisation's notifications. */
export async function saveOrgContacts(db: DB, owner: Owner, input: z.infer<typeof orgContactsInput>) {
  return db.transaction(async (tx) => {
    const orgId = await assertOwner(tx, owner.user);
    const [before] = await tx.select({ contactEmail: organisations.contactEmail, contactPhone: organisations.contactPhone }).from(organisations).where(eq(organisations.id, orgId)).for("update");
    const after = { contactEmail: input.contactEmail?.trim().toLowerCase() || null, contactPhone: input.contactPhone?.trim() || null };
    await tx.update(organisations).set(after).where(eq(organisations.id, orgId));
    await writeAudit(tx, owner.actor, { action: "org.notify_contacts", entityType: "organisation", entityId: orgId, before, after });
    return after;
  });
}

/**
 * The owner sets the webhook. The address must be http(s), and — unless the administrator allows private
 * addresses (WEBHOOK_ALLOW_PRIVATE=1) — its host must resolve to public addresses only (SSRF); delivery checks
 * the address again at connect time.
 */
export async function saveWebhook(db: DB, owner: Owner, input: z.infer<typeof webhookInput>) {
  const problem = webhookUrlProblem(input.url);
  if (problem) throw new AppError("WEBHOOK_URL_INVALID", problem);
  let refused: string | null;
  try {
    refused = await checkHost(new URL(input.url).hostname, config.webhookAllowPrivate);
  } catch {
    throw new AppError("WEBHOOK_URL_INVALID", "Webhook 地址的域名无法解析");
  }
  if (refused) throw new AppError("WEBHOOK_URL_PRIVATE", refused);
  return db.transaction(async (tx) => {
    const orgId = await assertOwner(tx, owner.user);
    const [before] = await tx.select({ url: organisationWebhooks.url, enabled: organisationWebhooks.enabled }).from(organisationWebhooks).where(eq(organisationWebhooks.orgId, orgId)).for("update");
    const values = { url: input.url, secret: input.secret, enabled: input.enabled };
    if (before) await tx.update(organisationWebhooks).set(values).where(eq(organisationWebhooks.orgId, orgId));
    else await tx.insert(organisationWebhooks).values({ orgId, ...values });
    // The secret is not written to the audit log.
    await writeAudit(tx, owner.actor, { action: "org.webhook_save", entityType: "organisation", entityId: orgId, before: before ?? null, after: { url: input.url, enabled: input.enabled } });
    return { url: input.url, enabled: input.enabled };
  });
}

/** The owner removes the webhook. */
export async function removeWebhook(db: DB, owner: Owner) {
  return db.transaction(async (tx) => {
    const orgId = await assertOwner(tx, owner.user);
    const gone = await tx.delete(organisationWebhooks).where(eq(organisationWebhooks.orgId, orgId)).returning({ url: organisationWebhooks.url });
    if (gone.length) await writeAudit(tx, owner.actor, { action: "org.webhook_remove", entityType: "organisation", entityId: orgId, before: { url: gone[0]!.url } });
    return { removed: gone.length };
  });
}

/** 发送测试: queues one signed test delivery through the outbox (its outcome shows in the outbox). */
export async function sendTestWebhook(db: DB, owner: Owner) {
  return db.transaction(async (tx) => {
    const orgId = await assertOwner(tx, owner.user);
    const [hook] = await tx.select({ url: organisationWebhooks.url, enabled: organisationWebhooks.enabled }).from(organisationWebhooks).where(eq(organisationWebhooks.orgId, orgId));
    if (!hook?.enabled) throw new AppError("WEBHOOK_NOT_SET");
    const id = await enqueue(tx, {
      channel: "webhook",
      recipient: hook.url,
      template: "webhook_test",
      data: { orgId, title: "Webhook 测试", text: "这是一条测试消息：收到即说明 Webhook 地址与签名密钥配置正确。", link: "/" },
      subject: "Webhook 测试",
      body: "这是一条测试消息：收到即说明 Webhook 地址与签名密钥配置正确。",
    });
    await writeAudit(tx, owner.actor, { action: "org.webhook_test", entityType: "organisation", entityId: orgId, after: { outboxId: id } });
    return { outboxId: id };
  });
}
