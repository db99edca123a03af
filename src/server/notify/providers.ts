import "server-only";
import type { outbox } from "@/server/db/schema";

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

/** The providers the server and `npm run jobs` deliver with. A channel without one waits (and is retried). */
export function defaultProviders(): Providers {
  return { sms: logSmsProvider };
}
