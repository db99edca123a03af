import "server-only";
import { and, eq } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { config } from "@/server/config";
import type { Queryable } from "@/server/db/open";
import { messages, organisationWebhooks, type outbox } from "@/server/db/schema";
import { emailParts } from "@/server/domain/notify/templates";
import { signWebhook } from "@/server/domain/notify/webhook";
import { NOTIFY_EVENTS, type NotifyEvent } from "@/lib/vocab/notify-event";
import { guardedPost } from "./guarded-post";

export type OutboxChannel = (typeof outbox.channel.enumValues)[number];

/** What a provider gets: the rendered message and what it was made from. */
export type OutboxMessage = {
  id: number;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  data: Record<string, unknown>;
};

/**
 * A way to deliver one channel's messages (an SMS gateway, SMTP, a webhook poster). `send` resolves when the
 * message is accepted and throws (with a message fit for the outbox's 最近错误) when it is not; the worker
 * retries. It runs outside any transaction.
 */
export interface ChannelProvider {
  readonly name: string;
  send(message: OutboxMessage): Promise<void>;
}

export type Providers = Partial<Record<OutboxChannel, ChannelProvider>>;

/**
 * Default SMS provider: SMS cannot be reached from development and test machines, so the message stays in the
 * outbox (readable by administrators at /admin/outbox) and goes to the server log (SPEC §4, §9).
 */
export const logSmsProvider: ChannelProvider = {
  name: "log",
  async send({ recipient, body }) {
    console.info(`[sms] to ${recipient}: ${body}`);
  },
};

/** Default e-mail provider when no SMTP server is configured: the log, like SMS. */
export const logEmailProvider: ChannelProvider = {
  name: "log",
  async send({ recipient, subject }) {
    console.info(`[email] to ${recipient}: ${subject ?? ""}（未配置 SMTP_HOST，只记录不外发）`);
  },
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * In-app messages: the worker writes the message into the user's list. One message per outbox row (unique
 * `outbox_id`): a row delivered again after a lost lease does not make a second message.
 */
export function inAppProvider(db: Queryable): ChannelProvider {
  return {
    name: "inapp",
    async send(m) {
      const userId = Number(m.data.userId);
      if (!Number.isInteger(userId) || userId <= 0) throw new Error("站内消息缺少接收用户");
      const event = (NOTIFY_EVENTS as readonly string[]).includes(m.template) ? (m.template as NotifyEvent) : null;
      if (!event) throw new Error(`未知的通知事项：${m.template}`);
      await db
        .insert(messages)
        .values({ userId, event, title: m.subject ?? str(m.data.title), body: m.body, link: str(m.data.link) || null, outboxId: m.id })
        .onConflictDoNothing({ target: messages.outboxId });
    },
  };
}

/** E-mail through SMTP (nodemailer): a Chinese text and HTML part, from the event's rendering. */
export function smtpProvider(smtp: NonNullable<typeof config.smtp>): ChannelProvider {
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? "" } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    name: "smtp",
    async send(m) {
      const parts = emailParts({ title: str(m.data.title) || (m.subject ?? "通知"), text: str(m.data.text) || m.body, link: str(m.data.link) || "/" }, config.publicUrl);
      try {
        await transport.sendMail({ from: smtp.from, to: m.recipient, subject: m.subject ?? parts.subject, text: parts.text, html: parts.html, messageId: `<outbox-${m.id}@qiangjiantong>` });
      } catch (err) {
        throw new Error(`邮件发送失败：${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}

/**
 * SMS through an HTTP gateway: POST `{ id, to, text, template, data }` as JSON with `Authorization: Bearer
 * <secret>` and `Idempotency-Key: qjt-outbox-<id>` (a gateway that honours it drops the rare second delivery).
 * Any 2xx is accepted. This is how a real SMS or WeChat gateway plugs in.
 */
export function httpSmsProvider(gateway: { url: string; secret: string }, timeoutMs = 15_000): ChannelProvider {
  return {
    name: "http",
    async send(m) {
      let res: Response;
      try {
        res = await fetch(gateway.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${gateway.secret}`, "idempotency-key": `qjt-outbox-${m.id}` },
          body: JSON.stringify({ id: m.id, to: m.recipient, text: m.body, template: m.template, data: m.data }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "error",
        });
      } catch (err) {
        throw new Error(`短信网关不可达：${err instanceof Error ? err.message : String(err)}`);
      }
      await res.body?.cancel();
      if (!res.ok) throw new Error(`短信网关返回 HTTP ${res.status}`);
    },
  };
}

/**
 * Outgoing webhooks: POSTs the event as JSON to the organisation's current URL, signed with its current secret
 * (`X-QJT-Timestamp`, `X-QJT-Signature: sha256=HMAC(secret, "<timestamp>.<body>")`, `X-QJT-Delivery: <id>` —
 * the same id on a retry, so receivers can drop duplicates). Private and loopback addresses are refused
 * unless allowed (SSRF); a non-2xx answer is a failure and is retried.
 */
export function webhookProvider(db: Queryable, opts: { allowPrivate?: boolean; timeoutMs?: number; now?: () => Date } = {}): ChannelProvider {
  return {
    name: "webhook",
    async send(m) {
      const orgId = Number(m.data.orgId);
      const [hook] = await db
        .select({ url: organisationWebhooks.url, secret: organisationWebhooks.secret })
        .from(organisationWebhooks)
        .where(and(eq(organisationWebhooks.orgId, orgId), eq(organisationWebhooks.enabled, true)));
      if (!hook) throw new Error("该单位的 Webhook 已删除或停用");
      const { orgId: _o, title, text, link, userId: _u, ...data } = m.data;
      void _o;
      void _u;
      const body = JSON.stringify({
        id: m.id,
        event: m.template,
        title,
        text,
        link: typeof link === "string" ? new URL(link, config.publicUrl).toString() : null,
        data,
      });
      const timestamp = Math.floor((opts.now?.() ?? new Date()).getTime() / 1000);
      const status = await guardedPost(
        hook.url,
        body,
        { "x-qjt-event": m.template, "x-qjt-delivery": String(m.id), "x-qjt-timestamp": String(timestamp), "x-qjt-signature": signWebhook(hook.secret, timestamp, body) },
        { allowPrivate: opts.allowPrivate ?? config.webhookAllowPrivate, timeoutMs: opts.timeoutMs ?? 15_000 },
      );
      if (status < 200 || status > 299) throw new Error(`Webhook 返回 HTTP ${status}`);
    },
  };
}

/** The providers the server and `npm run jobs` deliver with, from the environment (README → 通知). */
export function defaultProviders(db: Queryable): Providers {
  const smtp = config.smtp;
  const sms = config.smsHttp;
  return {
    inapp: inAppProvider(db),
    sms: sms ? httpSmsProvider(sms) : logSmsProvider,
    email: smtp ? smtpProvider(smtp) : logEmailProvider,
    webhook: webhookProvider(db),
  };
}
