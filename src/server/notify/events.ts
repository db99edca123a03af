import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { defaultChannels, type NotifyEvent } from "@/lib/vocab/notify-event";
import { config } from "@/server/config";
import { idIn } from "@/server/db/id-list";
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
  return notifyEvents(tx, [n]);
}

/**
 * Several events at once, same rule as `notifyEvent` (which is this with one event): the recipients of all
 * their organisations are read in four statements and the messages queued in one insert (chunked), instead of
 * five statements per event — the daily sweep tells tens of thousands of enterprises at once (issue 14 #3).
 * Messages are queued in the order of `events`. Returns the number of messages queued.
 */
export async function notifyEvents(tx: Queryable, events: OrgNotification[]): Promise<number> {
  if (events.length === 0) return 0;
  const orgIds = [...new Set(events.map((e) => e.orgId))];
  const kinds = [...new Set(events.map((e) => e.kind))];
  const members = await tx
    .select({ id: users.id, orgId: users.orgId, username: users.username, email: users.email, phone: users.phone })
    .from(users)
    .where(and(idIn(users.orgId, orgIds), eq(users.active, true)))
    .orderBy(users.id);
  const prefs = members.length
    ? await tx
        .select({ userId: notificationPreferences.userId, event: notificationPreferences.event, email: notificationPreferences.email, sms: notificationPreferences.sms })
        .from(notificationPreferences)
        .where(and(inArray(notificationPreferences.event, kinds), idIn(notificationPreferences.userId, members.map((m) => m.id))))
    : [];
  const orgs = await tx
    .select({ id: organisations.id, contactEmail: organisations.contactEmail, contactPhone: organisations.contactPhone })
    .from(organisations)
    .where(idIn(organisations.id, orgIds));
  const hooks = await tx
    .select({ orgId: organisationWebhooks.orgId, url: organisationWebhooks.url })
    .from(organisationWebhooks)
    .where(and(idIn(organisationWebhooks.orgId, orgIds), eq(organisationWebhooks.enabled, true)))
    .orderBy(organisationWebhooks.id);

  const membersOf = new Map<number, typeof members>();
  for (const m of members) if (m.orgId !== null) membersOf.set(m.orgId, [...(membersOf.get(m.orgId) ?? []), m]);
  const prefOf = new Map(prefs.map((p) => [`${p.userId}:${p.event}`, p]));
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  const hookOf = new Map<number, string>();
  for (const h of hooks) if (!hookOf.has(h.orgId)) hookOf.set(h.orgId, h.url);

  const out: OutboxInput[] = [];
  for (const n of events) {
    const event = { kind: n.kind, data: n.data } as AnyEvent;
    const r = renderEvent(event);
    const data = { ...n.data, orgId: n.orgId, title: r.title, text: r.text, link: r.link };
    const mail = emailParts(r, config.publicUrl);
    const sms = smsText(r);
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
    for (const m of membersOf.get(n.orgId) ?? []) {
      out.push({ channel: "inapp", recipient: m.username, template: n.kind, data: { ...data, userId: m.id }, subject: r.title, body: r.text });
      const p = prefOf.get(`${m.id}:${n.kind}`) ?? defaults;
      if (p.email) email(m.email);
      if (p.sms) text(m.phone);
    }
    const org = orgOf.get(n.orgId);
    if (defaults.email) email(org?.contactEmail);
    if (defaults.sms) text(org?.contactPhone);
    const hook = hookOf.get(n.orgId);
    if (hook) out.push({ channel: "webhook", recipient: hook, template: n.kind, data, subject: r.title, body: r.text });
  }
  await enqueueMany(tx, out);
  return out.length;
}
