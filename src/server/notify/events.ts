import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { defaultChannels, type NotifyEvent } from "@/lib/vocab/notify-event";
import { config } from "@/server/config";
import type { Queryable } from "@/server/db/open";
import { notificationPreferences, organisations, organisationWebhooks, users } from "@/server/db/schema";
import { emailParts, renderEvent, smsText, type AnyEvent, type EventData } from "@/server/domain/notify/templates";
import { enqueueMany, type OutboxInput } from "./outbox";

/** An event for one organisation: every active user of it is told, plus its contacts and its webhook. */
export type OrgNotification = { [K in NotifyEvent]: { kind: K; orgId: number; data: EventData[K] } }[NotifyEvent];

/**
 * The one way to notify (issue 13 #3, R-NTF-1): call it with the transaction of the event, e.g.
 * `await notifyEvent(tx, { kind: "filing_approved", orgId, data: { … } })`. It renders the event's Chinese
 * template and queues, in that transaction,
 * - an in-app message for every active user of the organisation (always on);
 * - an e-mail / SMS to each user whose preference for this event (default: vocab `defaultChannels`) asks for it
 *   and who has an address;
 * - an e-mail / SMS to the organisation's contact e-mail / phone by the event's defaults (no duplicates);
 * - a POST to the organisation's webhook, if its owner set one.
 * Nothing is sent here: the delivery worker sends after the commit. Returns the number of messages queued.
 */
export async function notifyEvent(tx: Queryable, n: OrgNotification): Promise<number> {
  const event = { kind: n.kind, data: n.data } as AnyEvent;
  const r = renderEvent(event);
  const data = { ...n.data, orgId: n.orgId, title: r.title, text: r.text, link: r.link };
  const members = await tx
    .select({ id: users.id, username: users.username, email: users.email, phone: users.phone })
    .from(users)
    .where(and(eq(users.orgId, n.orgId), eq(users.active, true)))
    .orderBy(users.id);
  const prefs = members.length
    ? await tx
        .select({ userId: notificationPreferences.userId, email: notificationPreferences.email, sms: notificationPreferences.sms })
        .from(notificationPreferences)
        .where(and(eq(notificationPreferences.event, n.kind), inArray(notificationPreferences.userId, members.map((m) => m.id))))
    : [];
  const [org] = await tx
    .select({ contactEmail: organisations.contactEmail, contactPhone: organisations.contactPhone })
    .from(organisations)
    .where(eq(organisations.id, n.orgId));
  const [hook] = await tx
    .select({ url: organisationWebhooks.url })
    .from(organisationWebhooks)
    .where(and(eq(organisationWebhooks.orgId, n.orgId), eq(organisationWebhooks.enabled, true)));

  const mail = emailParts(r, config.publicUrl);
  const sms = smsText(r);
  const out: OutboxInput[] = [];
  const emailed = new Set<string>();
  const texted = new Set<string>();
  const email = (to: string | null | undefined) => {
    const a = to?.trim().toLowerCase();
    if (!a || emailed.has(a)) return;
    emailed.add(a);
    out.push({ channel: "email", recipient: a, template: n.kind, data, subject: mail.subject, body: mail.text });
  };
  const text = (to: string | null | undefined) => {
    const p = to?.trim();
    if (!p || texted.has(p)) return;
    texted.add(p);
    out.push({ channel: "sms", recipient: p, template: n.kind, data, body: sms });
  };
  const defaults = defaultChannels(n.kind);
  for (const m of members) {
    out.push({ channel: "inapp", recipient: m.username, template: n.kind, data: { ...data, userId: m.id }, subject: r.title, body: r.text });
    const p = prefs.find((x) => x.userId === m.id) ?? defaults;
    if (p.email) email(m.email);
    if (p.sms) text(m.phone);
  }
  if (defaults.email) email(org?.contactEmail);
  if (defaults.sms) text(org?.contactPhone);
  if (hook) out.push({ channel: "webhook", recipient: hook.url, template: n.kind, data, subject: r.title, body: r.text });
  await enqueueMany(tx, out);
  return out.length;
}
